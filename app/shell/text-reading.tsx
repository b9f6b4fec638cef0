// How the typed words were read, under the count: a keyword stands for a filter, services or
// types (keywords.ts) as well as itself in a name, and without this line a person who typed
// "women" could not tell why a facility with no such word in its name was listed.
import { useTranslation } from 'react-i18next';
import { useQuery } from '../db/use-query.ts';
import { serviceCodesQuery } from '../search/queries.ts';
import { keywordFilter, readText } from '../search/keywords.ts';

/** At most this many meanings named for a keyword; past it, the last says how many more. */
const SAID = 4;

export function TextReading({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const { keywords, words } = readText(text);
  const codes = useQuery<{ code: string; name: string }>(keywords.some((k) => k.keyword.codes) ? serviceCodesQuery() : null,
    { background: true });
  if (keywords.length === 0) return null;
  const names = new Map(codes.status === 'done' ? codes.rows.map((r) => [r.code, r.name]) : []);
  const anyOf = new Intl.ListFormat(i18n.language, { type: 'disjunction' });
  const quoted = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <ul className="text-reading" aria-label={t('reading.label')}>
      {keywords.map(({ phrase, keyword }) => {
        const filter = keywordFilter(keyword);
        const meanings = [
          ...(filter ? [t('reading.filter', {
            group: t(`data.filters.${filter.group}.label`), option: t(`data.filters.${filter.group}.options.${filter.option.value}.label`),
          })] : []),
          ...(keyword.types ?? []).map((type) => t(`data.orgType.${type}`)),
          // A code's name is the release's (or its translation), said once read: bare codes ("MU or BU or NU…") told nobody anything.
          ...(keyword.codes ?? []).flatMap((code) => (names.has(code) ? [t(`services.${code}`, { defaultValue: names.get(code) })] : [])),
        ];
        const named = [...new Set(meanings)];
        if (named.length === 0) return null;
        // "mat" stands for 14 services: named whole, they filled a phone's screen above the results.
        const said = named.length > SAID ? [...named.slice(0, SAID - 1), t('reading.more', { count: named.length - SAID + 1 })] : named;
        return <li key={phrase} data-keyword={phrase}>{t('reading.keyword', { phrase, meanings: anyOf.format(said) })}</li>;
      })}
      {words.length > 0 && (
        <li data-words={words.join(' ')}>{t('reading.words', { count: words.length, words: quoted.format(words.map((word) => t('reading.quote', { word }))) })}</li>
      )}
    </ul>
  );
}
