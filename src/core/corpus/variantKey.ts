/**
 * Folds the differences that never distinguish two names: case, diacritics, hyphens, dots,
 * apostrophes and spacing ("Wi Sung-lac" = "wi sung lac", "North-east" = "Northeast").
 */
export function foldedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015.'\u2019]+/g, '');
}

/** Like foldedName, but word order does not count either ("Lee Jae Myung" = "Jae Myung Lee"). */
export function orderFreeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s\-\u2010-\u2015]+/)
    .map(w => w.replace(/[.'\u2019]/g, ''))
    .filter(Boolean)
    .sort()
    .join(' ');
}
