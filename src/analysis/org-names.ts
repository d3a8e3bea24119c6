// Organisations and places named after people (the Ruth Whitfield Cancer Center, St. Jude, Summit
// Dermatology): the words around a name that make it one, for the mention and person steps.
import { ORG_OR_PLACE_WORD, SURNAME_TOO } from '../nlp/entities.js';

/**
 * Whether a capitalised run names an organisation, building or place, not a person: a word after the first
 * is one no person's name has ("West Tower", "Summit Dermatology", "Baby Unit Opens"), or the last is a
 * place word that is a surname too with no given name before it ("Cedar Ridge", but not "Jordan Hall").
 */
export function namesPlace(name: string, given: (lower: string) => boolean): boolean {
  const words = name.replace(/['’]s$/, '').split(/\s+/).map((w) => w.replace(/\.$/, ''));
  const last = words.length - 1;
  // "Auditorium A", "Tower 2": a place word and a letter or number.
  if (words.length > 1 && ORG_OR_PLACE_WORD.test(words[0]) && words.slice(1).every((w) => /^(?:[A-Z]|\d{1,4}[A-Z]?)$/.test(w))) return true;
  return words.some((w, i) => (i > 0 || words.length === 1) && ORG_OR_PLACE_WORD.test(w)
    && (!SURNAME_TOO.test(w) || (i === last && !words.slice(0, last).some((x) => given(x.toLowerCase())))));
}

/** Words after a name (within three capitalised words) that make it an organisation or place named after a person. */
export const ORG_AFTER = /^(?:['’]s)?(?:\s(?:[A-Z][\w.]*|of|&|and)){0,3}\s(?:Children['’]s\s)?(?:Hospital|Clinic|Medical|Health|Healthcare|Cancer|Heart|Eye|Institute|University|College|School|Foundation|Center|Centre|Pavilion|Wing|Tower|Hall|Building|Library|Memorial|Regional|Research|Award|Awards|Prize|Lecture|Scholarship|Fund|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Parkway|Park|County|Church|Cathedral|Pharmacy|Dental|Pediatrics|Hospice|Manor|House|Village|Place|Plaza|Bistro|Cafe|Café|Diner|Restaurant|Grill|Bakery|Salon|Shop|Store|Market|Pub|Tavern|Pizzeria|Deli|Barbershop|Farm|Ranch|Inn|Hotel|Motors|Garage)(?![\p{L}])/u;

/** Words before a name that make it a place or saint's name ("St. Jude", "Fort Worth", "San Mateo", "University of Minas Gerais"). */
export const ORG_BEFORE = /(?:^|[^\p{L}])(?:St|Saint|Mount|Mt|Fort|Ft|Lake|Port|Cape|San|Santa|Los|Las|El)\.?\s$|\b(?:University|College|Institute|School|Academy|Hospital|Bank|Republic|State|Province|Gulf|Bay|Isle|Sisters|Order|Church|Museum) of(?: the)?\s$/u;
