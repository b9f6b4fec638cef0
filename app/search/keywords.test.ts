import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, keywordFilter, readText, withoutEachTerm, wordForms } from './keywords.ts';
import { MAX_TEXT } from './state.ts';

// SAMHSA's code reference as the build reads it: code, category_code, …
const REFERENCE = readFileSync(new URL('../../data/service_codes.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','));

describe('keywords', () => {
  it('stand for what is offered, never for whom a facility merely accepts', () => {
    // "Gender Accepted: Female" is nearly every facility: "women" found 393 of 423 near 10001 in
    // SAMHSA's 2022 directory. A person typing it means programs for women.
    const accepted = new Set(REFERENCE.filter(([, category]) => category === 'GN').map(([code]) => code));
    expect(accepted.size).toBeGreaterThan(0);
    expect(KEYWORDS.flatMap((k) => (k.codes ?? []).filter((c) => accepted.has(c)).map((c) => `${k.words[0]}: ${c}`))).toEqual([]);
    expect(readText('women').keywords[0].keyword.codes).toEqual(['WN', 'PW']);
  });
});

describe('reading typed text', () => {
  it('leaves out words that ask for nothing in particular, and says which, as typed', () => {
    // "ayuda" near 10001 found nothing in SAMHSA's 2022 directory: no name or service holds it.
    for (const text of ['ayuda', 'help', 'I need help near me', 'busco ayuda cerca de mí', 'please find', 'por favor']) {
      const read = readText(text);
      expect([read.keywords, read.words], text).toEqual([[], []]);
    }
    expect(readText('I need help near me').ignored).toEqual(['i need help near me']);
    const detox = readText('help with detox near me');
    expect([detox.keywords.map((k) => k.phrase), detox.words, detox.ignored]).toEqual([['detox'], [], ['help with', 'near me']]);
    // A filler inside a keyword's phrase stays in it.
    expect(readText('clínica de metadona').keywords.map((k) => k.keyword.filter)).toEqual(['service:otp']);
    expect(readText('harbor clinic').words).toEqual(['harbor']);
    // "center" beside a keyword is any listing (a walkthrough); beside a name's words, or alone, a name's word.
    expect(readText('rehab center for teens').words).toEqual([]);
    expect(readText('rehab center for teens').ignored).toContain('center');
    expect(readText('centro de rehabilitación para adolescentes').words).toEqual([]);
    expect(readText('detox facility boston').words).toEqual(['boston']);
    expect(readText('Hope Center').words).toEqual(['hope', 'center']);
    // With a keyword anywhere, a name's "center" too: "hope center detox" looks for Hope's detox (Hope Center among them).
    expect(readText('hope center detox').words).toEqual(['hope']);
    expect(readText('a better place detox').words).toEqual(['better', 'place']);
    expect(readText('center').words).toEqual(['center']);
    // Punctuation around them is no word of its own: "¡ayuda!" is "ayuda", "detox," is detox.
    expect(readText('¡Ayuda! ¿dónde?').ignored).toEqual(['¡ayuda! ¿dónde?']);
    expect(readText('"Harbor Clinic"').ignored).toEqual(['clinic']);
    expect(readText('help, detox.').keywords.map((k) => k.phrase)).toEqual(['detox']);
    // Words too: a name typed in quotes, or a word before a full stop, found nothing with them.
    expect(readText('main st.').words).toEqual(['main', 'st.']);
    expect(readText('«Lighthouse»').words).toEqual(['lighthouse']);
    expect(readText('"Harbor House"').words).toEqual(['harbor', 'house']);
    expect(readText('“Hope Center” (Akron).').words).toEqual(['hope', 'center', 'akron']);
    expect(readText('A.A. Harbor').words).toEqual(['a.a', 'harbor']);
    // A possessive is its word ("women's" was matched as typed, in names only).
    expect(readText("women's rehab").keywords.map((k) => k.phrase)).toEqual(['women', 'rehab']);
    expect(readText('men’s').keywords.map((k) => k.phrase)).toEqual(['men']);
    expect(readText("st. mary's").words).toEqual(['st.', "mary's"]);
  });

  it('leaves out everyday words of both languages, and keeps the keyword phrases that hold them', () => {
    // Each required a word no listing holds: 0 near 10001 in SAMHSA's 2022 directory ("son" was in Hudson and Person: 314).
    for (const text of ['close to me', 'necesito ayuda urgente', 'ayuda para mi hijo', 'busco ayuda cerca de mi casa', 'help for my son',
      'open now', 'hoy', 'ahora', 'my daughter', 'mi madre', 'drugs', 'addiction', 'tratamiento', 'drogas', 'adicción',
      'trastorno', 'efectivo']) {
      const read = readText(text);
      expect([read.keywords, read.words], text).toEqual([[], []]);
    }
    expect(readText('detox open now').keywords.map((k) => k.phrase)).toEqual(['detox']);
    expect(readText('rehab today').ignored).toEqual(['today']);
    expect(readText('pago en efectivo').keywords.map((k) => k.keyword.filter)).toEqual(['pay:cash']);
    expect(readText('casa de transición').keywords.map((k) => k.keyword.codes)).toEqual([['HH']]);
    // Common words alone are a name's ("la casa" searched for nothing, and with no place asked where);
    // beside anything else they are left out.
    for (const text of ['la casa', 'mi casa', 'open', 'the', 'y']) expect(readText(text).words.join(' '), text).toBe(text);
    expect([readText('la casa detox').words, readText('help in the bronx').words]).toEqual([[], ['bronx']]);
    // Terms are counted once the words that ask for nothing are out: "paso" and "tx" were cut at 8 tokens.
    expect(readText('looking for detox for my son in el paso tx').words).toEqual(['paso', 'tx']);
    expect(readText('i need help near me please for my methadone').keywords.map((k) => k.phrase)).toEqual(['methadone']);
    expect(readText('a b c d e f g h i j').words).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'j']);
    // Towns one letter from a keyword are towns.
    expect([readText('herrin').words, readText('siding').words]).toEqual([['herrin'], ['siding']]);
    expect(readText('I need help finding a suboxone doctor near me').words).toEqual([]);
    // Names and the bench's text cases keep their words.
    for (const text of ['treatment', 'center', 'hope center', 'recovery', 'springfield']) expect(readText(text).words.join(' '), text).toBe(text);
  });

  it('reads what a Spanish word or a drug\'s name means here', () => {
    const of = (text: string) => readText(text).keywords.map((k) => k.keyword);
    expect(of('alcoholismo')).toEqual(of('alcohol'));
    expect(of('terapia')).toEqual(of('counseling'));
    expect(of('terapia')[0].codes).toContain('ICO');
    for (const text of ['spanish speaking', 'speaks spanish', 'habla español', 'se habla español']) expect(readText(text), text).toMatchObject({ words: [], keywords: of('spanish').map((keyword) => ({ keyword })) });
    expect([of('narcan')[0].codes, of('naloxone')[0].codes]).toEqual([['NOE'], ['NOE', 'BWN']]);
    for (const text of ['heroin', 'fentanyl', 'heroína', 'fentanilo', 'opioides']) {
      expect(of(text), text).toEqual(of('opioid'));
      expect(of(text)[0].codes, text).toEqual(expect.arrayContaining(['OTP', 'BU', 'ODTX']));
    }
    // "Does not treat opioid use disorders" is a service name: no keyword stands for a "does not".
    const refused = new Set(REFERENCE.filter(([, , , name]) => /^does not/i.test(name ?? '')).map(([code]) => code));
    expect(refused.size).toBeGreaterThan(0);
    expect(KEYWORDS.flatMap((k) => (k.codes ?? []).filter((c) => refused.has(c)))).toEqual([]);
  });

  it('never reads a word one letter from a keyword as the keyword where that letter makes another word', () => {
    // "afectivo" and "efectiva" were read as "efectivo" (cash); Española, NM as "español".
    for (const text of ['afectivo', 'efectiva', 'espanola', 'española']) expect(readText(text).keywords, text).toEqual([]);
    expect(readText('terapia efectiva').keywords.map((k) => k.keyword.filter)).not.toContain('pay:cash');
    expect(readText('trastorno afectivo').keywords.map((k) => k.keyword.filter)).not.toContain('pay:cash');
    expect(readText('trastorno afectivo').keywords[0].keyword.codes).toContain('CO');
  });

  it('reads a misspelled or unaccented keyword as the keyword, and says what it was read as', () => {
    const methadone = readText('methadone').keywords[0].keyword;
    for (const [text, meant] of [['methadon', 'methadone'], ['metadone', 'methadone'], ['Methadnoe', 'methadone'], ['suboxon', 'suboxone'],
      ['buprenorphin', 'buprenorphine'], ['desintoxicacíon', 'desintoxicación']] as const) {
      const [read] = readText(text).keywords;
      expect(read, text).toBeDefined();
      expect([read.phrase, read.meant], text).toEqual([text.toLowerCase(), meant]);
      if (meant === 'methadone') expect(read.keyword).toBe(methadone);
    }
    // Spanish, with a place of care left out: methadone, not "clinica" in names.
    const spanish = readText('metadona clinica');
    expect([spanish.keywords.map((k) => k.keyword), spanish.words, spanish.ignored]).toEqual([[methadone], [], ['clinica']]);
  });

  it('reads short or unlike words as they are', () => {
    // "south" is one letter from "youth", "women" and "woman" are each a keyword: no guessing below six letters.
    for (const text of ['south', 'mens', 'nashville', 'springfield', 'recovery', 'medina', 'center']) {
      expect(readText(text).words, text).toEqual([text]);
    }
    expect(readText('women').keywords[0].meant).toBeUndefined();
  });

  it('reads a phone number as a phone number, however it is written, and never as words', () => {
    // Pasted near 10001, "(212) 268-8830" found nothing: no name or street holds it (SAMHSA's 2022 directory).
    for (const typed of ['(212) 268-8830', '212-268-8830', '212.268.8830', '2122688830', '+1 212 268 8830', '1-212-268-8830']) {
      const read = readText(typed);
      expect([read.phones.map((p) => p.digits), read.words, read.keywords, read.ignored], typed).toEqual([['2122688830'], [], [], []]);
    }
    const detox = readText('detox (212) 268-8830');
    expect([detox.keywords.map((k) => k.phrase), detox.phones]).toEqual([['detox'], [{ typed: '(212) 268-8830', digits: '2122688830' }]]);
    // Not a ZIP+4, a street number or longer runs of digits.
    for (const typed of ['02139-4307', '1200 main st', '12345678901234']) expect(readText(typed).phones, typed).toEqual([]);
  });

  it('looks for a word without its accents too, and a Spanish word of names in English too', () => {
    expect(wordForms('Recuperación')).toEqual(['recuperación', 'recuperacion', 'recovery']);
    expect(wordForms('centro')).toEqual(['centro', 'center']);
    expect(wordForms('Adicción,')).toEqual(['adicción,', 'adiccion,']);
    expect(wordForms('hope')).toEqual(['hope']);
    expect(readText('centro de recuperación').words).toEqual(['centro', 'recuperación']);
  });

  it('reads a long sentence for what it asks, and AA or NA meetings as AA or NA', () => {
    // Each required word found nothing near 10001 in SAMHSA's 2022 directory: "he", "lives", "meetings".
    const sentence = readText('please help me find a detox for my brother he lives near here and has medicaid thank you so much');
    expect([sentence.keywords.map((k) => k.phrase), sentence.words]).toEqual([['detox', 'medicaid'], []]);
    const meetings = readText('AA meetings tonight');
    expect([meetings.keywords.map((k) => k.phrase), meetings.words, meetings.ignored]).toEqual([['aa'], [], ['tonight']]);
    // Both words are said to stand for it; the name is searched for the first, as typed.
    expect(meetings.keywords.map((k) => k.said)).toEqual(['aa meetings']);
    expect(readText('reuniones de NA').keywords.map((k) => k.keyword.codes)).toEqual([['TWFA', 'SHG']]);
    // Beside other words they are left out: "his house" looks for "house", and His House is among what it finds.
    expect(readText('his house').words).toEqual(['house']);
  });

  it('leaves out the last word of a text cut at the box\'s length, a piece of a word', () => {
    // Pasted, a message is cut at MAX_TEXT characters: "…takes medicaid" became the required word "medic".
    const pasted = 'please find a detox for my brother in new jersey, somewhere close to where he lives that takes medicaid and has a bed';
    const cut = pasted.slice(0, MAX_TEXT);
    expect(cut.endsWith(' medic')).toBe(true);
    expect(readText(cut).words).toEqual(['new', 'jersey']);
    expect(readText(pasted.slice(0, 60)).words).toEqual(['new', 'jersey']);
  });

  it('leaves out emoji and signs beside other words, and looks for them alone', () => {
    // "🙏 detox" near 10001 found nothing: the emoji was a required word.
    for (const text of ['🙏 detox', 'detox 🙏🏽', 'detox & 💊']) {
      const read = readText(text);
      expect([read.keywords.map((k) => k.phrase), read.words], text).toEqual([['detox'], []]);
    }
    expect(readText('harbor & co').words).toEqual(['harbor', 'co']);
    expect(readText('🌅').words).toEqual(['🌅']);
  });

  it('read "free" and "gratis" as free care only, never a fee however small', () => {
    for (const text of ['free', 'gratis', 'gratuito', 'sin costo']) expect(readText(text).keywords[0].keyword.codes, text).toEqual(['NP']);
  });

  it('name a filter only of a type the release holds', () => {
    // SAMHSA's directory alone has no residences: "women" is no Residents filter there, as the form offers none.
    const women = readText('women').keywords[0].keyword;
    expect(keywordFilter(women)?.group).toBe('gender');
    expect(keywordFilter(women, ['treatment_center', 'narr_residence'])?.group).toBe('gender');
    expect(keywordFilter(women, ['treatment_center'])).toBeNull();
    expect(keywordFilter(readText('detox').keywords[0].keyword, ['treatment_center'])?.option.value).toBe('detox');
  });
});

describe('a search without one of its terms', () => {
  it('gives each term with the text the others make, fillers left out; nothing for one term', () => {
    expect(withoutEachTerm('teen detox')).toEqual([{ term: 'teen', rest: 'detox' }, { term: 'detox', rest: 'teen' }]);
    expect(withoutEachTerm('i need detox for my son in hope house')).toEqual([
      { term: 'detox', rest: 'hope house' }, { term: 'hope', rest: 'detox house' }, { term: 'house', rest: 'detox hope' }]);
    expect(withoutEachTerm('detox')).toEqual([]);
    // A word typed twice is one term: two offers alike would stand side by side.
    expect(withoutEachTerm('hope hope')).toEqual([]);
    expect(withoutEachTerm('help me please')).toEqual([]);
  });
});
