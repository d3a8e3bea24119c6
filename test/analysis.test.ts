// The people model step by step: kind of draft, furniture, mentions, persons, roles and owners, with minimal pairs.
import { describe, expect, it } from 'vitest';
import { namesPlace } from '../src/analysis/org-names.js';
import { analyse } from '../src/analysis/index.js';
import { loadEvidence } from '../src/analysis/evidence.js';
import { findFurniture } from '../src/analysis/furniture.js';
import { draftKind } from '../src/analysis/kind.js';
import type { Analysis } from '../src/analysis/types.js';
import { createDocument } from '../src/document/document.js';
import { lintDocument } from '../src/engine/lint.js';
import { compromise, tag, tagRanges } from '../src/nlp/compromise.js';
import { findEntities } from '../src/nlp/entities.js';
import { setup } from '../src/setup.js';
import type { Finding } from '../src/types.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
const evidence = loadEvidence(env.lexicons);

function model(text: string): { a: Analysis; text: string } {
  const doc = createDocument('draft.md', text);
  const nlp = compromise();
  const tagged = (r?: { start: number; end: number }[]) => (r ? tagRanges(nlp, doc.plain, r) : tag(nlp, doc.plain));
  return { a: analyse(doc, { names: findEntities('person', doc, tagged, env.resources), resources: env.resources, evidence }), text: doc.plain };
}

/** The roles of the person a name (or description) belongs to. */
function rolesOf(text: string, name: string): string[] {
  const { a } = model(text);
  const at = text.indexOf(name);
  const m = a.mentions.find((x) => x.start <= at && at < x.end);
  if (!m) return ['(no mention)'];
  return [...a.persons[m.person].roles].filter((r) => r !== 'reviewer').sort();
}

/** The owner of an identifier, as "kind:roles". */
function ownerOf(text: string, span: string, type: string): string {
  const { a } = model(text);
  const at = text.indexOf(span);
  const o = a.ownerOf({ start: at, end: at + span.length }, type);
  return `${o.kind}:${o.roles.filter((r) => r !== 'reviewer').sort().join(',')}`;
}

const lint = (text: string) => lintDocument(createDocument('draft.md', text), env);
const shown = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.type} ${f.text}`);

describe('kind of draft', () => {
  const kind = (text: string) => draftKind(createDocument('d.md', text), findFurniture(createDocument('d.md', text))).kind;
  it.each([
    ['Hi Jordan, thank you for your review. We are sorry to hear about the wait; please call our office manager.', 'review-reply'],
    ['@jo_b great question! Most adults need a booster every ten years.', 'comment-reply'],
    ['FOR IMMEDIATE RELEASE\nNorthgate Health names Dr. Evelyn Sato president.\nMedia contact: Jordan Pike', 'article'],
    ['Save the date! Join us for our free health fair on May 18. Register at the front desk.', 'event-notice'],
    ['We are hiring! Full-time RN, night shift. Apply online today.', 'job-posting'],
    ['Survived by her husband of 52 years. In lieu of flowers, donate to the hospice.', 'obituary'],
    ['Had a great day at the clinic today with our team.', 'post'],
    // A newsletter that opens a section with "Welcome, new neighbours!" is not answering anyone.
    ['The Sunnybrook Monthly\n\nWelcome, new neighbours! Please give a warm welcome to our new residents.', 'post'],
    ['Oh, we remember you two! Thank you for trusting us with your care.', 'comment-reply'],
    ['Why our replies sound careful: privacy law says we never confirm that someone is a patient, and our social media policy asks for written authorization before any story.', 'policy'],
    // A reply that cites privacy law is still a reply.
    ["We're so sorry to hear this. Privacy law (HIPAA) means we never confirm anyone's care online, and our policy is to talk in private: please call our office.", 'review-reply'],
  ])('%s → %s', (text, expected) => expect(kind(text)).toBe(expected));

  it('a long text that quotes people as a reporter does is an article ("…," Achebe said)', () => {
    const body = 'More than 600 guests filled the ballroom for the annual gala, raising a record sum for the new heart wing and the child life program. '.repeat(14);
    expect(kind(body)).toBe('post');
    expect(kind(`${body}\n\n"Every brick in this building started with her generosity," Achebe said.`)).toBe('article');
  });
  it.each([
    // A line that opens with a date or an ordinary word and a comma is not someone greeted.
    ['Our spring open day\n\nSaturday, April 26 · 9 a.m. to 2 p.m. at the Eastside clinic, with tours of the new wing.', /^(?!.*reply)/],
    ['Our spring open day\n\nFree, family-friendly, and no insurance needed! Tours of the new wing all morning.', /^(?!.*reply)/],
    ['Marcus, we are glad the new clinic hours work for you. See you next week.', /^comment-reply$/],
    ['Hope, we are glad the new clinic hours work for you. See you next week.', /^comment-reply$/],
    // Thanking someone by name closes a reply, but only in a text as short as a reply.
    ['We remember that day well! Thank you for trusting us, Alvarez family 💛', /^comment-reply$/],
  ])('%s → %s (with the name lists)', (text, expected) => expect(model(text).a.kind).toMatch(expected));
  it('a comment form is never read as a reply', () => {
    const article = 'Our new cancer center opens in May.\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nYou are commenting using your WordPress.com account.';
    expect(kind(article)).not.toMatch(/reply/);
  });
});

describe('page furniture', () => {
  const lines = (text: string) => findFurniture(createDocument('d.md', text)).map((r) => text.slice(r.start, r.end));
  it.each([
    ['Leave a Reply'],
    ['Your email address will not be published. Required fields are marked *'],
    ['Share this: Facebook | Twitter | LinkedIn'],
    ['© 2026 Mercy Valley Health. All rights reserved.'],
    ['By Jane Doe | March 3, 2026'],
    ['Home | About Us | Find a Doctor | Locations | Careers'],
    ['Related articles'],
  ])('%s', (line) => expect(lines(`Our article text.\n${line}\nMore text.`)).toEqual([line]));
  it('ordinary sentences are not furniture', () => {
    expect(lines('By the time Marcus got home, he felt better.\nShare your story with us at the front desk when you visit.')).toEqual([]);
  });
});

describe('mentions and persons', () => {
  it('clusters full name, first name, title and pronouns', () => {
    const { a } = model('Our patient Marcus Delgado had his triple bypass in May. Marcus is walking again, and Mr. Delgado says he feels great.');
    const marcus = a.persons.find((p) => p.label === 'Marcus Delgado')!;
    expect(marcus.mentions.map((m) => m.kind)).toEqual(['role-phrase', 'name', 'pronoun', 'name', 'name', 'pronoun']);
    expect([...marcus.roles]).toContain('patient');
  });
  it('a short form of a given name is the same person', () => {
    const { a } = model('Dr. Samuel Ortiz retires this month. Sam delivered 3,000 babies here.');
    expect(a.persons.filter((p) => p.named && !p.addressee)).toHaveLength(1);
  });
  it('finds handles, name hashtags, families and descriptions', () => {
    const { a, text } = model('Prayers for the Nguyen family tonight #TeamLiamStrong. @maria.lopez asked about it. A 72-year-old man came in at 3am.');
    const kinds = a.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'you').map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
    expect(kinds).toEqual(expect.arrayContaining(['family:the Nguyen family', 'hashtag:#TeamLiamStrong', 'handle:@maria.lopez', 'role-phrase:A 72-year-old man']));
  });
  it.each([
    // A given name that is also a word is a name only where a name's shape says so.
    ['Hi Faith! Your skin biopsy came back benign.', 'Faith', ['patient']],
    ['Keep the faith! Biopsy results take about a week.', 'faith', ['(no mention)']],
    ["Hope, we're so glad your new knee is holding up!", 'Hope', ['patient']],
    ["Today, we're so glad our new knee clinic is open!", 'Today', ['(no mention)']],
    ['Meet Hunter Okafor! He is recovering from bypass surgery on our step-down unit.', 'Hunter Okafor', ['patient']],
    ['Hunter safety class meets Tuesday in the cafeteria.', 'Hunter', ['(no mention)']],
    ['His wife of 58 years, June, sat by the stretcher while he was admitted.', 'June', ['relative']],
    ['Esperanza "Hope" Villalobos had a stroke in February and was treated in our ED.', 'Esperanza', ['patient']],
    // Spanish titles and family words.
    ['Hola, Sra. Benítez. Su esposo Ramón sigue en la habitación 318 y está estable.', 'Ramón', ['patient']],
    ['Hola, Sra. Benítez. Su esposo Ramón sigue en la habitación 318 y está estable.', 'Sra. Benítez', []],
    // Where a patient lies says they are one.
    ['Can someone sit with Mrs. K in bed 12 while I am on break?', 'Mrs. K', ['patient']],
    ['Can someone sit with Mrs. K at the front desk while I am on break?', 'Mrs. K', []],
    // Admitted to a program is not admitted to a hospital; "survived by" is an obituary's family list.
    ['Nurse Ada Obi was admitted to the nursing program in 1955 and led our NICU for 31 years.', 'Ada Obi', ['staff']],
    ['Ada Obi was admitted to our ICU after the crash.', 'Ada Obi', ['patient']],
    ['Mr. T in 14 finally finished a whole cup of jello tonight.', 'Mr. T', ['patient']],
    // Credentials and job titles after a name are read whatever their case.
    ['Guadalupe Ferreira, Medical Assistant, turns 58 this month.', 'Guadalupe Ferreira', ['staff']],
    // A name that owns a family member or a care event is a person; "he's" is a pronoun.
    ["Hunter's dad says he's already back on the ice after Tuesday's ACL repair.", 'Hunter', ['patient']],
    ['The Crestview Heart team welcomes new patients.', 'Crestview Heart', ['organisation']],
    ['Mr. Tran in 2019 finally finished his degree.', 'Mr. Tran', []],
    // In a home where people live in our care, the people its newsletter celebrates are residents.
    ['The Sunnybrook Senior Living Monthly\n\nHappy 88th birthday to Walter Szymanski on June 19! Our assisted living team threw a party.', 'Walter Szymanski', ['patient']],
    ['The Sunnybrook Hospital Staff News\n\nHappy 88th birthday to Walter Szymanski on June 19! Our engineering team threw a party.', 'Walter Szymanski', []],
    ['The Birchwood Senior Living Courier\n\nHarriet Ames turned 93 in October, and she still leads the knitting circle she began when her late husband, Manny, sat on our board.', 'Manny', ['relative']],
    // A clinician's own condition does not make her our patient; an event of care does.
    ['Aaliyah Grant, DNP, sees patients on Tuesdays and still manages her own asthma and her inhaler.', 'Aaliyah Grant', ['staff']],
    ['Our longest-standing member, Edith Marlow, has given to the hospital auxiliary every year since 1961.', 'Edith Marlow', ['donor']],
    ['Aaliyah Grant, DNP, sees patients on Tuesdays and was admitted with an asthma attack.', 'Aaliyah Grant', ['patient', 'staff']],
    ['If you have been to our clinic, you have heard Aaliyah Grant, DNP, before you saw her.', 'Aaliyah Grant', ['staff']],
    // "the pop every athlete dreads" says nothing of him: a patient story of a student athlete stays one.
    ['In October, Kayden Ortiz felt the pop every athlete dreads, and he spent nine months in physical therapy.', 'Kayden Ortiz', ['patient']],
  ])('%s → %s is %j', (text, name, roles) => {
    expect(rolesOf(text, name)).toEqual(roles);
  });
  const names = (text: string) => {
    const { a, text: t } = model(text);
    return a.mentions.filter((m) => m.kind === 'name').map((m) => t.slice(m.start, m.end));
  };
  it.each([
    // A label says a name follows, whatever its case; the name ends at the first ordinary word.
    ["What's your last name? Magnusson", ['Magnusson']],
    ['my name is lena andersson but everyone calls me lena', ['lena andersson', 'lena']],
    ['Her maiden name is Chmielewski', ['Chmielewski']],
    ['Please ask mr. elliott to call us back.', ['elliott']],
    ['"I\'m glad this is moving," says Hartvigsson.', ['Hartvigsson']],
    // A middle initial makes two unknown words a name; so does a list that holds a name.
    ['The song is by Szabina J Gelencsér.', ['Szabina J Gelencsér']],
    ['Our 3 founders: Kónya, Becker and Vasquez.', ['Kónya', 'Becker', 'Vasquez']],
    ['Usamov and Bowers were precision engineers.', ['Usamov', 'Bowers']],
    // Lower case: a given name no English word shares, then a listed surname.
    ['follow up with patricia desrosiers in a couple of months.', ['patricia desrosiers']],
    // The name heading an address or signature block, and the speakers of a dialogue.
    ['Julcsa Kárpáthy\nMhealthcoach\n50668 Kiannonkatu 98 Apt. 105\nMobile: 03.93.92.16.85', ['Julcsa Kárpáthy']],
    ['Ubul: What a wife.\nNicole: Remember me?', ['Ubul', 'Nicole']],
    ['Producer Liviana Palerma explained it to the crowd.', ['Liviana Palerma']],
    // A greeting takes any listed given name, even one that is also a word; one listed name doing what people do.
    ['Hi Dean, I pulled up your visit from the 14th.', ['Dean']],
    ['Look who came back to see us! Ayla arrived at 26 weeks and spent 68 days in our NICU.', ['Ayla']],
  ])('finds the name in %j', (text, expected) => {
    expect(names(text)).toEqual(expect.arrayContaining(expected));
  });
  it.each([
    // Ordinary words in the same shapes are no one; a firm ("Greer & Holt") is no list of people.
    ['Cardiology, Oncology and Rehab moved to the east wing.', 'Rehab'],
    ['Huge thanks to our sponsor, Greer & Holt Orthodontics.', 'Greer'],
    ['Note: parking is free.\nUpdate: the lot is open.', 'Note'],
    ['Westside Clinic\n1200 Harbor Road\nPhone: 555-0142', 'Westside Clinic'],
    ['Nurse Practitioner Week starts Monday.', 'Practitioner Week'],
    ['Thank you for the lovely card. grace period ends soon.', 'grace period'],
  ])('in %j, %j is no name', (text, word) => {
    expect(names(text)).not.toContain(word);
  });
  it('a name set off by a comma that ends an exclamation is the person addressed ("Happy 100th, Rose!")', () => {
    const { a } = model('Happy 100th, Rose! The whole third floor sang to you this morning.');
    const rose = a.persons.find((p) => p.label === 'Rose')!;
    expect(rose.addressee).toBe(true);
  });
  it('a word of a name the draft gave is that person again, alone and capitalised', () => {
    const { a, text } = model('Our brave Wren Castellanos rang the bell after chemotherapy. Wren has been coming to our infusion center for a year.');
    const wren = a.persons.find((p) => p.label === 'Wren Castellanos')!;
    expect(wren.mentions.filter((m) => m.kind === 'name').map((m) => text.slice(m.start, m.end))).toEqual(['Wren Castellanos', 'Wren']);
  });
  it('"she" is not a man, and across sentences means the person the story is about', () => {
    const text = 'Hope Villalobos was walking when her hand stopped working. She called her daughter, Marisol. Dr. Tobias Renner had a scan done within minutes of her arrival. She is back on the trail.';
    const { a } = model(text);
    const tobias = a.persons.find((p) => p.label.includes('Tobias'))!;
    const marisol = a.persons.find((p) => p.label === 'Marisol')!;
    expect(tobias.mentions.some((m) => m.kind === 'pronoun')).toBe(false);
    expect(marisol.mentions.some((m) => m.kind === 'pronoun')).toBe(false);
    expect(rolesOf(text, 'Tobias')).toEqual(['staff']);
  });
  it('organisations named after people are not persons', () => {
    expect(rolesOf('She was treated at the Ruth Whitfield Cancer Center last year.', 'Ruth Whitfield')).toEqual(['organisation']);
  });
});

describe('roles from evidence about the person', () => {
  it.each([
    ['Our patient Ana Ruiz walked out of rehab today.', 'Ana Ruiz', ['patient']],
    ['Our nurse Ana Ruiz, RN, was named Nurse of the Year.', 'Ana Ruiz', ['staff']],
    ['Thank you to Margaret Whitfield, whose gift established our new cancer pavilion.', 'Margaret Whitfield', ['donor']],
    ['Mayor Curtis Bellamy visited our stroke centre today.', 'Curtis Bellamy', ['public']],
    ['Dr. Lee said the new cancer center will serve the whole valley.', 'Dr. Lee', ['staff']],
    ['Our 96-year-old volunteer, Hazel Moore, still folds newsletters every Thursday.', 'Hazel Moore', ['volunteer']],
    ['Walter Pruitt, a longtime donor, spent fourteen weeks in our infusion center last winter being treated for lymphoma.', 'Walter Pruitt', ['donor', 'patient']],
    ['Ana Ruiz is not a patient here; she volunteers at the front desk.', 'Ana Ruiz', ['volunteer']],
    // "patient" before another noun describes that noun: a patient experience manager is staff.
    ['Please ask for Tamsin Reyes, our patient experience manager.', 'Tamsin Reyes', ['staff']],
    ['Please ask for Tamsin Reyes, our patient.', 'Tamsin Reyes', ['patient']],
    // A clinic or unit someone works in is not their health: only a condition or care event is.
    ['Welcome Sergio Lindahl, PA-C, who will split his time between urgent care and our diabetes clinic.', 'Sergio Lindahl', ['staff']],
    ['Sergio Lindahl came to urgent care with his diabetes out of control.', 'Sergio Lindahl', ['patient']],
    // "is now a patient": an adverb between the verb and the role changes nothing.
    ['Bea Sorensen has staffed our gift shop since 1988. Bea is now a patient on our surgical unit.', 'Bea Sorensen', ['patient', 'staff']],
    // A gift shop is not a gift; thirteen years with us is service, not care.
    ['Marjorie Fenn greets visitors at our gift shop every Tuesday.', 'Marjorie Fenn', []],
    ['This month Rosa Villalobos celebrates 13 years with us.', 'Rosa Villalobos', ['staff']],
    ['Rosa Villalobos is the reason half our patients trust us.', 'Rosa Villalobos', []],
    // The person a care event happens to is the one it is said of, not the rescuer.
    ['Nurse Danielle Foster, RN, performed CPR on a stranger who collapsed at the game.', 'Danielle Foster', ['staff']],
    ['Nurse Danielle Foster, RN, performed CPR on a stranger who collapsed at the game.', 'a stranger', ['patient']],
    ['The Legacy Award went to Erik Halvorsen, whose $10 million commitment launched the campaign.', 'Erik Halvorsen', ['donor']],
    ["The award went to Dolores Weatherby, who at 91 is the hospital's longest-serving volunteer.", 'Dolores Weatherby', ['volunteer']],
    // The nearer possessor owns it: her husband's death is not hers.
    ["In 1958, after her husband's death, Margaret Ellison gave the land for the hospital.", 'Margaret Ellison', []],
    // "their" after a plural noun means the plural.
    ['Child life specialist Amara Jules leads a team that helps kids understand their care through play.', 'Amara Jules', ['staff']],
    // A clinician's interests and a university's place are not anyone's health.
    ['Dr. Albuquerque studied at the Federal University of Minas Gerais. His interests include asthma and newborn care.', 'Dr. Albuquerque', ['staff']],
    ['Dr. Albuquerque studied at the Federal University of Minas Gerais. His interests include asthma and newborn care.', 'Minas Gerais', ['organisation']],
    // A public figure who speaks of their own illness is not our patient, and a disease eponym is nobody.
    ["Our keynote speaker, former NFL linebacker Marcus Hale, has talked publicly about his own Parkinson's diagnosis.", 'Marcus Hale', ['public']],
    ["Our keynote speaker, former NFL linebacker Marcus Hale, has talked publicly about his own Parkinson's diagnosis.", 'Parkinson', ['(no mention)']],
    ['Guess which local news anchor came in for a rhinoplasty consult today?', 'which local news anchor', ['patient']],
    ['Please welcome Opal Merriweather, who at 97 is now our oldest resident.', 'Opal Merriweather', ['patient']],
    // A pronoun takes "was my patient" like a name does.
    ['The best thing to come out of those years is Daniel. He was my patient back in 2019.', 'Daniel', ['patient']],
    // Care words about a group are about nobody in particular; the same words about the person are theirs.
    ['Dr. Ines Varga has treated more than 2,000 patients with psoriasis since she joined us.', 'Ines Varga', ['staff']],
    ['Midwife Carla Benn delivered over 1,500 babies in Harlan County.', 'Carla Benn', ['staff']],
    ['Carla Benn delivered her twins here in June.', 'Carla Benn', ['patient']],
    ['Dr. Omar Reyes will study why older women are diagnosed with heart disease later than men.', 'Omar Reyes', ['staff']],
    ['Navigator Lou Tran, RN, guides newly diagnosed patients through their first weeks of treatment.', 'Lou Tran', ['staff']],
    // A clause opened by "that" has its own subject: the visit is not the practitioner's.
    ['A study led by Jo Marsh, NP, found that a single follow-up visit cut readmissions by a third.', 'Jo Marsh', ['staff']],
    // "by" after the care word names who gave it.
    ['Half of our nurses were delivered by Dr. Hal Pettit, who retires this week.', 'Hal Pettit', ['staff']],
    // A chain of credentials is read whole: ", PT, DPT" is a physical therapist.
    ['Shoutout to Remy Osei, PT, DPT, who treats everything from ACL rehab to frozen shoulders.', 'Remy Osei', ['staff']],
    // "You" in a general post is every reader: health words near it are education.
    ['If you have a fever above 103°F or chest pain, call your doctor.', 'you', []],
    // A description that "who" follows is a person; "Rosalind's Bistro" is a business.
    ["The sous-chef from Marguerite's Bistro, who was burned in Friday's fire, moved out of the ICU today.", 'The sous-chef', ['patient']],
    ["The sous-chef from Marguerite's Bistro, who was burned in Friday's fire, moved out of the ICU today.", 'Marguerite', ['organisation']],
    // "They" after two people named together is the pair: what is said of them is said of each.
    ['When Rosa and Tomás Lindqvist came to us, they had tried for years. Their diagnosis was endometriosis.', 'Rosa', ['patient']],
    ['When Rosa and Tomás Lindqvist came to us, they had tried for years. Their diagnosis was endometriosis.', 'Tomás Lindqvist', ['patient']],
    ['The wing is named for Rosa and Tomás Lindqvist, whose gift built it so families can care for their children close to home.', 'Tomás Lindqvist', ['donor']],
    // A clause opened by "which" is about the noun before it: the team's work is not the therapist's health.
    ['Respiratory therapist Ken Obi leads the weaning team, which has cut average time on a ventilator by a day.', 'Ken Obi', ['staff']],
    ['Ken Obi spent a week on a ventilator in our ICU.', 'Ken Obi', ['patient']],
    // A list's lead-in counts for the people listed only when it says something on its own ("we cared for:").
    ['Talks in Conference Room A:\n- 9:30 am: Dr. Ines Amara, cardiology\n- 10:30 am: Paulo Reyes, RD', 'Paulo Reyes', ['staff']],
    ['We were honored to care for:\n- Edith Moss\n- Paulo Reyes', 'Paulo Reyes', ['patient']],
    // Years of service and a volunteer's honours make a volunteer, whatever their age.
    ['Agnes Pruitt turned 93 this summer. She has led our Friday choir for 12 years and was honored at the volunteer luncheon.', 'Agnes Pruitt', ['staff', 'volunteer']],
    // A fund named after a person says they gave; it does not make them anybody's patient.
    ['The Albertine Cho Endowment grew this year. Albertine Cho, who turned 93 in May, still knits a hat for every newborn.', 'Albertine Cho', ['donor']],
    // The outcome of something of theirs, and the clinician who was theirs, make a patient.
    ['@sam_r so glad your gallbladder removal went smoothly!', '@sam_r', ['patient']],
    ['Omar Haddad was so kind. I was his nurse for three nights.', 'Omar Haddad', ['patient']],
    ['Omar Haddad was so kind to the new nurses on his team.', 'Omar Haddad', []],
    // A street is a place, not a person: "Franklin St", "Oak Hollow Dr".
    ['Our main office, 410 W. Franklin St., Harlan, is open Saturday.', 'Franklin St', ['organisation']],
    // A nickname in quotes after "our" is someone described.
    ["Our 'Duchess' in Bed 9 pressed the call light again.", "Our 'Duchess'", ['patient']],
    // "from 10 a.m. to noon" is a time, not a room number after a name.
    ['Skin checks with dermatologist Dr. Renata Silva from 10 a.m. to noon.', 'Dr. Renata Silva', ['staff']],
    ['Walter Briggs from 10 asked for his glasses again.', 'Walter Briggs', ['patient']],
    // What the clause says after "A and B" is said of both.
    ['Welcome, new neighbors! Harold and June Whitcombe have moved into Apartment 214 in the Magnolia building.', 'Harold', ['patient']],
    ['Welcome, new neighbors! Harold and June Whitcombe have moved into Apartment 214 in the Magnolia building.', 'June Whitcombe', ['patient']],
    ['Harold and June Whitcombe sent us a lovely card this spring.', 'Harold', []],
    // An object pronoun is not the subject of its own clause: "had him stabilized" is not Dr. Kessler.
    ['Just after 11 p.m., a 17-year-old rolled his pickup on Route 9. Dr. Kessler and the night crew had him stabilized in minutes.', 'Dr. Kessler', ['staff']],
    // A public figure in our care is our patient; "she's a patient" says so through a contraction.
    ['It was an honour to treat Mayor Curtis Bellamy at Eastview Hospital today in our new stroke center.', 'Curtis Bellamy', ['patient', 'public']],
    ['Mayor Curtis Bellamy toured our new stroke center today.', 'Curtis Bellamy', ['public']],
    ["She's a patient of Dr. Ruiz and loves the garden.", "She's", ['patient']],
    ['RIP to the 97 yo WWII vet we lost on our unit last night. He told the best stories.', 'the 97 yo WWII vet', ['patient']],
    // A comment's writer is not the "he" the comment speaks of.
    ['Dr. Franklin Oyelaran, our founding chief of surgery, died on July 7. He was 92.\n\nMemories (2)\n\nKen Adeyemi, MD · July 9\nHe taught me to tie my first surgical knot in the OR in 1989. Rest well, chief.', 'Ken Adeyemi', ['staff']],
    // "Volunteer spotlight: Harriet Gouveia", and her late husband is her relative, not a patient's.
    ['Volunteer spotlight: Harriet Gouveia\nHarriet still drives in every Thursday to lead our knitting circle, a job she took on when her late husband, Manny, sat on our board.', 'Harriet Gouveia', ['volunteer']],
    // "the newborn nursery" is a place; "Mark your calendar" is not a name.
    ['This year the circle made 212 hats for the newborn nursery at St. Ambrose Hospital.', 'the newborn', ['(no mention)']],
    ['Mark your calendar: the fall festival is October 18.', 'Mark', ['(no mention)']],
    ['Every caption is reviewed.\n\nFinally, we built a takedown process for any photo a patient asks us to remove.', 'Finally', ['(no mention)']],
    ['Kelly, we are so glad the new clinic hours work for you!', 'Kelly', []],
    // Two capitalised words no lexicon knows, doing what people do, are a name; ordinary words are not.
    ['Tomomi Nishiyama lives at 86036 Rua do Arenque, Goiânia.', 'Tomomi Nishiyama', []],
    ['Entertainment Weekly listed the song at number 15.', 'Entertainment Weekly', ['(no mention)']],
    // "their" after "anyone" is anyone's, not the person named before.
    ['Ask Jordan about the July posts.\n\nAnyone tagging us in a post about their own care: we can like it.', 'Jordan', []],
    // A note about one person: sentences that name nobody, after a paragraph that opens with a name, are about it.
    ["Release isn't signed yet (she said she'd drop it off Friday).\n\nPriya Raman, teacher at Brookfield Middle, 34. Dx stage II breast ca 8/2023, last treatment 2/12/24. She wants to thank her daughter.", 'Priya Raman', ['patient']],
    ['Priya Raman, teacher at Brookfield Middle, joined our board. Flu shots are free for all staff this week.', 'Priya Raman', []],
    ['Priya Raman, teacher at Brookfield Middle, joined our board. Patients admitted this week get a free meal.', 'Priya Raman', []],
    // A capitalised role noun before a capitalised word is part of a name: the Grandma's Marathon is a race.
    ["Peg has run the Grandma's Marathon eleven times, most recently in June at age 60.", "the Grandma's", ['(no mention)']],
  ])('%s', (text, name, roles) => expect(rolesOf(text, name)).toEqual(roles));
  it.each([
    ['Construction update: the new West Tower opens in spring with 120 inpatient rooms.', 'West Tower'],
    ['The shuttle from the Orchard Lot runs every 10 minutes.', 'Orchard Lot'],
    ['First Look: Our New Mother-Baby Unit Opens Next Month', 'Baby Unit'],
    ['Book a consult at Summit Dermatology this spring.', 'Summit Dermatology'],
    ['Homes near Cedar Ridge sold fast this year.', 'Cedar Ridge'],
    ['Dr. Ama Boateng leads Grand Rounds on sepsis care, Auditorium A.', 'Auditorium A'],
  ])('a name with a building or place word names the place: %s', (text, name) => expect(rolesOf(text, name)).toEqual(['organisation']));
  it.each([
    ['West Tower', true], ['Summit Dermatology', true], ['Baby Unit Opens Next', true], ['Cedar Ridge', true],
    ['Jordan Hall', false], ['Maria Park', false], ['Grace', false], ['Hospital', true],
  ])('namesPlace(%s) is %s (a surname that is a place word too stays a name after a given name)', (name, place) => {
    expect(namesPlace(name, (w) => env.resources.firstNames.has(w))).toBe(place);
  });
  it('"taking care of your mom": the person addressed is a patient\'s relative', () => {
    const { a } = model('@gina.m it was an honor taking care of your mom on 6 West!');
    const you = a.persons.find((p) => p.addressee)!;
    expect(you.roles.has('relative')).toBe(true);
    expect(a.persons[you.relativeOf!].roles.has('patient')).toBe(true);
  });
  it('"your dad\'s new hip is doing great" in a thread: the dad is a patient and the commenter greeted is his relative', () => {
    const { a, text } = model([
      'Marcy Dunleavy · April 9, 2025 at 7:42 pm\nPrinting this out for my dad!',
      "Summit Orthopedic · April 10, 2025 at 8:15 am\nHi Marcy! We're so glad your dad's new hip is doing great.",
      'Jerome T. · April 11, 2025 at 1:03 pm\nDoes the class cost anything?',
      'Summit Orthopedic · April 11, 2025 at 2:30 pm\nHi Jerome, good question! The class is free.',
    ].join('\n\n'));
    const marcy = a.persons.find((p) => p.label === 'Marcy Dunleavy')!;
    expect(marcy.roles.has('relative')).toBe(true);
    expect(a.persons[marcy.relativeOf!].roles.has('patient')).toBe(true);
    expect(text.slice(a.persons[marcy.relativeOf!].mentions[0].start, a.persons[marcy.relativeOf!].mentions[0].end)).toBe("your dad's");
  });
  it('a reply that opens on its header line ("Lakemont Health · Thanks, Marcy!") greets its commenter', () => {
    const thread = [
      'Flu myths, busted. Walk-in flu shots at every pharmacy; if you were admitted with flu before, ask about the high-dose shot.',
      '',
      'Marcy T. · October 22, 2025',
      'Got my shot at your Eastgate pharmacy!',
      'Lakemont Health · Thanks, Marcy! So glad you are feeling better since your admission for flu pneumonia last week.',
      'Rob D. · October 22, 2025',
      'Do I need a prescription for the high-dose shot?',
      'Lakemont Health · Hi Rob, no prescription needed.',
    ].join('\n');
    const { a } = model(thread);
    expect(a.persons.find((p) => p.label.startsWith('Marcy'))!.roles.has('patient')).toBe(true);
    expect(a.persons.find((p) => p.label.startsWith('Rob'))!.roles.has('patient')).toBe(false);
  });
  it('"you" in an article is every reader, never one patient, whatever is said of them', () => {
    const { a } = model('Home | Find Care | Pharmacy | Contact\n\nFlu season guide\nBy the Lakemont Health pharmacy team | October 2, 2025\n\nIf you were admitted with flu last winter, check your insurance: the high-dose shot is covered for adults 65 and older. Clinics open Monday.\n\nShare this post: Facebook | Email');
    expect(a.kind).toBe('article');
    expect(a.persons.some((p) => p.addressee && p.roles.has('patient'))).toBe(false);
  });
  it('a thread of replies: each "you" is the person greeted in that reply, and a comment header dates the comment', () => {
    const thread = [
      'Dana W. · June 2, 2025',
      'Does the numbing gel hurt?',
      '  Brightside Dental · June 2, 2025',
      '  Good question, Dana. It stings for a second, then you feel nothing.',
      '',
      'Omar P. · June 3, 2025',
      'Love my new crown!',
      '  Brightside Dental · June 3, 2025',
      '  Hi Omar! So glad your crown from the April visit is holding up. See you at your cleaning!',
    ].join('\n');
    const { a, text } = model(thread);
    const omar = a.persons.find((p) => p.label.startsWith('Omar'))!;
    const dana = a.persons.find((p) => p.label.startsWith('Dana'))!;
    expect(omar.roles.has('patient')).toBe(true);
    expect(dana.roles.has('patient')).toBe(false);
    expect(a.mentions.filter((m) => m.kind === 'you' && m.person === omar.id).length).toBe(3);
    const at = text.indexOf('June 3, 2025');
    expect(a.ownerOf({ start: at, end: at + 12 }, 'date').kind).toBe('organisation');
  });
  it('a title and surname end at the sentence\'s full stop ("Ms. Patterson. However")', () => {
    const { a, text } = model("We're sorry about your experience, Ms. Patterson. However, your chart is private.");
    expect(a.mentions.filter((m) => m.kind === 'name').map((m) => text.slice(m.start, m.end))).toEqual(['Ms. Patterson']);
  });
  it('relatives of a patient: "his wife, Claire"', () => {
    const { a } = model('Our patient Tom Reyes had his surgery Monday, and his wife, Claire, never left his side.');
    const claire = a.persons.find((p) => p.label === 'Claire')!;
    expect(claire.roles.has('relative')).toBe(true);
    expect(a.persons[claire.relativeOf!].label).toBe('Tom Reyes');
  });
});

describe('owners of identifiers', () => {
  it.each([
    ['Our free health fair is Saturday, May 18. Join us!', 'Saturday, May 18', 'date', 'event:'],
    ['Our patient Walter Kim came in on March 3 with slurred speech.', 'March 3', 'date', 'person:patient'],
    ['Questions? Call us at 555-0140.', '555-0140', 'phone', 'organisation:organisation'],
    ['Refill reminders for his Eliquis go to his cell, 312-555-0193.', '312-555-0193', 'phone', 'person:patient'],
    ['Happy birthday to our resident Dorothy, who turns 101 today!', '101', 'age', 'person:patient'],
    ['Happy 90th birthday to our founder, Dr. Samuel Okoro!', '90th birthday', 'age', 'person:staff'],
    ['She booked a visit with Dr. Hamid on March 14, and our patient had the biopsy.', 'March 14', 'date', 'person:patient'],
    // The day a clinician did a procedure is the patient's day of care, not the clinician's.
    ['Our patient Kayden Ortiz tore his ACL. Dr. Ellen Marsh reconstructed it on November 2.', 'November 2', 'date', 'person:patient'],
    // A place joined to a person by a preposition is theirs, whatever event follows it.
    ['Mrs. Alma Sievers on Ridgeview Drive will be moving to our inpatient unit this Friday.', 'Ridgeview Drive', 'geo', 'person:patient'],
    // A recurring time is a schedule, not anybody's day of care.
    ['Pet therapy visits the dialysis unit every Thursday afternoon.', 'Thursday afternoon', 'date', 'event:'],
    ['Caregiver support: every Monday from 6 to 7:30 pm in the family lounge.', '7:30 pm', 'date', 'event:'],
    // A link in a sentence that names nobody is the paragraph's patient's; a room the clinician came to is the patient's.
    ["Please keep Coach Dwayne Holloway in your prayers. He's in our ICU after a heart attack, and we're taking great care of him. Updates at caringbridge.org/visit/bigd", 'caringbridge.org/visit/bigd', 'url', 'person:patient,public,staff'],
    ['Our patient Elena was terrified the night she arrived. Dr. Achterberg drew her heart on a whiteboard in Room 4112.', 'Room 4112', 'other-id', 'person:patient'],
    // "six hours" is how long, not opening hours.
    ['Our patient Gerald Wexford waited six hours in hallway bed H4 for a CT.', 'bed H4', 'other-id', 'person:patient'],
    ['Our pharmacy hours in Suite 4 are 9 to 5.', 'Suite 4', 'other-id', 'organisation:organisation'],
    // A number given to the reader is one to call; "reach you at" makes it theirs.
    ["We're sorry about your visit. For questions about your own care, call 555-0121.", '555-0121', 'phone', 'organisation:organisation'],
    ['We tried to reach you at rdmiller1961@yahoo.com about your abnormal lab results.', 'rdmiller1961@yahoo.com', 'email', 'person:patient'],
    // "Thursday visits from Biscuit": a weekday before a plural of visits is a schedule.
    ['Your gifts fund music therapy, art carts and Thursday visits from Biscuit, our therapy dog.', 'Thursday', 'date', 'event:'],
    ['Free CPR class on the second Tuesday of every month.', 'Tuesday', 'date', 'event:'],
    ['Our patient Ivo Lind came in Thursday afternoon with chest pain.', 'Thursday afternoon', 'date', 'person:patient'],
    // A coarse period dates nobody unnamed; a precise time of a care event does.
    ['Our 500th baby of the year was born this week!', 'this week', 'date', 'none:'],
    ['A baby was born at 4:17 am in the back of a taxi outside our ED.', '4:17 am', 'date', 'person:patient'],
    // "hit the call light": a contact word only says whose a phone or email is.
    ["Our 'Duchess' in Bed 9 hit the call light again.", 'Bed 9', 'other-id', 'person:patient'],
  ])('%s: %s', (text, span, type, expected) => expect(ownerOf(text, span, type)).toBe(expected));
});

describe('minimal pairs: one detail flips the verdict', () => {
  it.each([
    ['Huge congrats to our patient Ana Ruiz, who walked out of rehab today!', 'Huge congrats to our nurse Ana Ruiz, RN, who was named Nurse of the Year today!'],
    ['Happy 91st birthday to Hazel Moore, a resident of our memory wing!', 'Happy 91st birthday to Hazel Moore, our longest-serving volunteer!'],
    ['Our patient Jonah Reyes was admitted on March 4 after a fall.', 'Our diabetes class for families meets on March 4 at 6 pm. Register today.'],
    ['A 45-year-old woman from Dunmore came in Tuesday and we found her breast cancer at stage 1.', 'A 45-year-old woman with no family history has about a 1 in 50 chance of breast cancer in the next 10 years.'],
    // Details add up to a person only when the paragraph speaks of someone.
    ['2am in the ED: 17yo snowboarder from Pine County, crash on Route 4, open fracture.', 'Free sports physicals and flu shots at Westview High on Friday from 3 to 6 pm, 410 Alder St.'],
  ])('%s', (flagged, clean) => {
    expect(shown(lint(flagged)).some((f) => f.startsWith('error'))).toBe(true);
    expect(shown(lint(clean))).toEqual([]);
  });
});

describe('a post about the rules names violations without committing them', () => {
  const policy = 'Our social media policy, in one line: privacy comes first. Staff never post photos where a whiteboard or a screen shows in the background, and every story needs written authorization.';
  const violation = 'Night shift selfie with the crew! Ignore the whiteboard behind us with everyone in beds 1 to 12 on it.';
  it('the rules post is clean; the post that does it is not', () => {
    expect(shown(lint(policy))).toEqual([]);
    expect(shown(lint(violation)).length).toBeGreaterThan(0);
  });
});

describe('details that must not change the verdict', () => {
  const story = 'Our patient Marcus Delgado had his triple bypass on March 3 and rang the bell at cardiac rehab today.';
  const furniture = [
    (t: string) => `By Priya Menon | May 2, 2026\n\n${t}`,
    (t: string) => `Home | About Us | Find a Doctor | Locations | Careers\n\n${t}`,
    (t: string) => `${t}\n\nShare this: Facebook | Twitter | LinkedIn\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *`,
    (t: string) => `${t}\n\n© 2026 Lakeshore Health. All rights reserved.`,
  ];
  const key = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.ruleId} ${f.text}`);
  it.each(furniture.map((f, i) => [i, f] as const))('furniture %i', (_, wrap) => {
    expect(key(lint(wrap(story)))).toEqual(key(lint(story)));
    const clean = 'Join us on Saturday, May 18 for our free health fair at 410 W. Franklin St. Questions? Call 555-0127.';
    expect(key(lint(wrap(clean)))).toEqual([]);
  });
});

describe('explanations', () => {
  it('says whose the identifier is, quoting only the finding itself', () => {
    const f = lint('Our patient Marcus Delgado had his triple bypass on March 3.').find((x) => x.type === 'name')!;
    expect(f.message).toContain('"Marcus Delgado" is named as a patient here');
    expect(f.evidence?.map((e) => e.why)).toContain('patient');
    const d = lint('Our patient Marcus Delgado had his triple bypass on March 3.').find((x) => x.type === 'date')!;
    expect(d.message).not.toContain('Marcus');
  });
});
