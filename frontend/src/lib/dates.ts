// Dates for member-facing pages. Browsers' built-in data for Sesotho is patchy (Chromium shows
// "M04 8, Thu"), so Sesotho names come from here (CLDR's "st" names); English uses Intl.
const st = {
  months: [
    'Pherekhong',
    'Hlakola',
    'Hlakubele',
    'Mmesa',
    'Motšeanong',
    'Phupjane',
    'Phupu',
    'Phato',
    'Lewedi',
    'Mphalane',
    'Pudungwana',
    'Tshitwe',
  ],
  weekdays: ['Sontaha', 'Mantaha', 'Labobedi', 'Laboraro', 'Labone', 'Labohlano', 'Moqebelo'],
};

function parts(date: Date, timeZone: string) {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(values.weekday);
  return {
    year: values.year,
    month: Number(values.month) - 1,
    day: Number(values.day),
    weekday,
    time: `${values.hour}:${values.minute}`,
  };
}

/** A calendar day (YYYY-MM-DD): "Thursday 8 April 2027" / "Labone 8 Mmesa 2027". */
export function formatDay(day: string, locale: string, withYear = true): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (locale !== 'st')
    return new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(date);
  const p = parts(date, 'UTC');
  return `${st.weekdays[p.weekday]} ${p.day} ${st.months[p.month]}${withYear ? ` ${p.year}` : ''}`;
}

/** A moment as the clock in `timeZone` shows it: "Thursday 25 March 2027, 23:59". */
export function formatMoment(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (locale !== 'st') return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
  const p = parts(date, timeZone);
  return `${st.weekdays[p.weekday]} ${p.day} ${st.months[p.month]} ${p.year}, ${p.time}`;
}
