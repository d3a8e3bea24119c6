// Organisations and places named after people (the Ruth Whitfield Cancer Center, St. Jude, Summit
// Dermatology): the words around a name that make it one, for the mention and person steps.

/** A name that ends in one of these words is an organisation or place, not a person ("Johns Hopkins Hospital"). */
export const ORG_WORD = /(?:^|\s)(?:Hospital|Clinic|Medical|Health|Healthcare|Institute|University|College|School|Foundation|Center|Centre|Pavilion|Wing|Department|Dept|Council|Association|Society|Auditorium|Hall|Building|Library|Church|Pharmacy|Dental|Pediatrics|Hospice|County|Street|Avenue|Boulevard|Blvd|Road|Drive|Park|Heart|Vascular|Spine|Orthopedics|Orthopaedics|Cardiology|Dermatology|Oncology|Surgery|Surgical|Rehab|Rehabilitation|Wellness|Imaging|Radiology|Urology|Pulmonology|Neurology)\.?$/;

/** Words after a name (within three capitalised words) that make it an organisation or place named after a person. */
export const ORG_AFTER = /^(?:['’]s)?(?:\s(?:[A-Z][\w.]*|of|&|and)){0,3}\s(?:Children['’]s\s)?(?:Hospital|Clinic|Medical|Health|Healthcare|Cancer|Heart|Eye|Institute|University|College|School|Foundation|Center|Centre|Pavilion|Wing|Tower|Hall|Building|Library|Memorial|Regional|Research|Award|Awards|Prize|Lecture|Scholarship|Fund|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Parkway|Park|County|Church|Cathedral|Pharmacy|Dental|Pediatrics|Hospice|Manor|House|Village|Place|Plaza)\b/;

/** Words before a name that make it a place or saint's name ("St. Jude", "Fort Worth", "San Mateo"). */
export const ORG_BEFORE = /(?:^|[^\p{L}])(?:St|Saint|Mount|Mt|Fort|Ft|Lake|Port|Cape|San|Santa|Los|Las|El)\.?\s$/u;
