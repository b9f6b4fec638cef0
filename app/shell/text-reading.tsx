// How the typed words were read, under the count: a keyword stands for a filter, services or
// types (keywords.ts) as well as itself in a name, and without this line a person who typed
// "women" could not tell why a facility with no such word in its name was listed. It speaks of
// what the release holds (no Residents filter in SAMHSA's directory alone), of a misspelled
// keyword as what it was read as, and of words left out ("help", "ayuda") as left out.
import { useTranslation } from 'react-i18next';
import { useQuery } from '../db/use-query.ts';
import { serviceCodesQuery } from '../search/queries.ts';
import { keywordFilter, readText } from '../search/keywords.ts';
import type { OrgType } from '../search/state.ts';

/** At most this many meanings named for a keyword; past it, the last says how many more. */
const SAID = 4;

/** `types`: the release's, so a keyword is said to stand only for what the release can hold. */
export function TextReading({ text, types }: { text: string; types: readonly OrgType[] }) {
  const { t, i18n } = useTranslation();
  const { keywords, words, ignored } = readText(text);
  const codes = useQuery<{ code: string; name: string }>(keywords.some((k) => k.keyword.codes) ? serviceCodesQuery() : null,
    { background: true });
  if (keywords.length === 0 && ignored.length === 0) return null;
  const names = new Map(codes.status === 'done' ? codes.rows.map((r) => [r.code, r.name]) : []);
  const anyOf = new Intl.ListFormat(i18n.language, { type: 'disjunction' });
  const quoted = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <ul className="text-reading" aria-label={t('reading.label')}>
      {keywords.map(({ phrase, keyword, meant }) => {
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
        const values = { phrase, meant, meanings: anyOf.format(said) };
        return <li key={phrase} data-keyword={phrase}>{meant ? t('reading.misspelled', values) : t('reading.keyword', values)}</li>;
      })}
      {ignored.length > 0 && (
        <li data-ignored={ignored.join(' ')}>{t('reading.ignored', { count: ignored.length, words: quoted.format(ignored.map((word) => t('reading.quote', { word }))) })}</li>
      )}
      {words.length > 0 && (
        <li data-words={words.join(' ')}>{t('reading.words', { count: words.length, words: quoted.format(words.map((word) => t('reading.quote', { word }))) })}</li>
      )}
    </ul>
  );
}
