// How the typed words were read, under the count: a keyword stands for a filter, services or
// types (keywords.ts) as well as itself in a name, and without this line a person who typed
// "women" could not tell why a facility with no such word in its name was listed. It speaks of
// what the release holds (no Residents filter in SAMHSA's directory alone), of a misspelled
// keyword as what it was read as, and of words left out ("help", "ayuda") as left out.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../db/use-query.ts';
import { serviceCodesQuery } from '../search/queries.ts';
import { inEnglish, keywordFilter, readText } from '../search/keywords.ts';
import type { OrgType } from '../search/state.ts';

/** At most this many meanings named for a keyword; past it, the last says how many more. */
const SAID = 4;

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The release's service names, by code, when `text` (null: no search) holds a keyword standing
 * for services; null while they are read. Asked with the search, right after its first page, in
 * the same lane: asked by the line itself, once the count was drawn and behind the list's,
 * facets' and map's reads, "women" or "aa" near 10001 said how it was read 0.1–0.9 s after the
 * count (a person test; 89 ms typed on a loaded machine), the count alone in between.
 */
export function useServiceNames(text: string | null): ReadonlyMap<string, string> | null {
  const wanted = text !== null && readText(text).keywords.some((k) => k.keyword.codes);
  const codes = useQuery<{ code: string; name: string }>(wanted ? serviceCodesQuery() : null);
  const rows = codes.status === 'done' ? codes.rows : null;
  const names = useMemo(() => (rows ? new Map(rows.map((r) => [r.code, r.name])) : null), [rows]);
  // Unreadable, the line names what it can (filters, types) rather than hold the count back.
  return !wanted || codes.status === 'failed' ? NONE : names;
}

/**
 * `types`: the release's, so a keyword is said to stand only for what the release can hold;
 * `names`: useServiceNames', read.
 */
export function TextReading({ text, types, names }: { text: string; types: readonly OrgType[]; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const { keywords, words, ignored, phones } = readText(text);
  if (keywords.length === 0 && ignored.length === 0 && phones.length === 0) return null;
  const anyOf = new Intl.ListFormat(i18n.language, { type: 'disjunction' });
  const quoted = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <ul className="text-reading" aria-label={t('reading.label')}>
      {keywords.map(({ phrase, keyword, meant, said: typed }) => {
        const filter = keywordFilter(keyword, types);
        const meanings = [
          ...(filter ? [t('reading.filter', {
            group: t(`data.filters.${filter.group}.label`), option: t(`data.filters.${filter.group}.options.${filter.option.value}.label`),
          })] : []),
          ...(keyword.types ?? []).filter((type) => types.includes(type)).map((type) => t(`data.orgType.${type}`)),
          // A code's name is the release's (or its translation), said once read: bare codes ("MU or BU or NU…") told nobody anything.
          ...(keyword.codes ?? []).flatMap((code) => (names.has(code) ? [t(`services.${code}`, { defaultValue: names.get(code) })] : [])),
        ];
        const named = [...new Set(meanings)];
        if (named.length === 0) return null;
        // "mat" stands for 14 services: named whole, they filled a phone's screen above the results.
        const said = named.length > SAID ? [...named.slice(0, SAID - 1), t('reading.more', { count: named.length - SAID + 1 })] : named;
        // "alcohol" is every substance-use facility but those that say they do not treat it: said, or it read as all of them.
        const unless = (keyword.unless ?? []).flatMap((code) => (names.has(code) ? [t('reading.quote', { word: t(`services.${code}`, { defaultValue: names.get(code) }) })] : []));
        const values = { phrase: typed, meant, meanings: unless.length ? t('reading.unless', { meanings: anyOf.format(said), unless: anyOf.format(unless) }) : anyOf.format(said) };
        return <li key={phrase} data-keyword={phrase}>{meant ? t('reading.misspelled', values) : t('reading.keyword', values)}</li>;
      })}
      {ignored.length > 0 && (
        <li data-ignored={ignored.join(' ')}>{t('reading.ignored', { count: ignored.length, words: quoted.format(ignored.map((word) => t('reading.quote', { word }))) })}</li>
      )}
      {phones.map(({ typed, digits }) => (
        <li key={digits} data-phone={digits}>{t('reading.phone', { phone: t('reading.quote', { word: typed }) })}</li>
      ))}
      {words.length > 0 && (
        <li data-words={words.join(' ')}>{t('reading.words', { count: words.length, words: quoted.format(words.map((word) => {
          // A Spanish word of names is looked for in English too ("centro" as "center"): said, a name with neither is no mystery.
          const english = inEnglish(word);
          const typed = t('reading.quote', { word });
          return english ? t('reading.orWord', { word: typed, english: t('reading.quote', { word: english }) }) : typed;
        })) })}</li>
      )}
    </ul>
  );
}
