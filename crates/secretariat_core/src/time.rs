//! Instants and validity windows.
//!
//! The core never reads the clock (the system clock panics on `wasm32-unknown-unknown`): `now` is
//! always an input. Instants are RFC 3339 date-times, kept as seconds since the Unix epoch (UTC);
//! the text form is kept too, so that answers quote the file's own spelling.

use std::fmt;

use crate::lang::Lang;

/// A point in time, UTC milliseconds since 1970-01-01T00:00:00Z, parsed from RFC 3339.
/// Milliseconds, so that `10:00:00.900Z` is after a window ending at `10:00:00Z` (deny by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    /// Parses an RFC 3339 date-time such as `2026-11-23T10:00:00Z` or `2026-11-23T11:00:00.5+01:00`.
    /// Fractions of a second are kept to the millisecond (further digits are dropped). Returns
    /// `None` on anything else.
    pub fn parse(text: &str) -> Option<Instant> {
        // `YYYY-MM-DDTHH:MM:SS`, then a fraction and the offset. The first 19 bytes are read as
        // three 8-byte words (`YYYY-MM-`, `DDTHH:MM`, `HH:MM:SS`) and checked a word at a time.
        let (head, mut rest) = text.as_bytes().split_first_chunk::<19>()?;
        let (date, day_time, time) = words(head);
        if !digits_at(date, DATE_DIGITS)
            || !digits_at(day_time, DAY_DIGITS)
            || !digits_at(time, TIME_DIGITS)
            || date & !DATE_DIGITS != DATE_SEPARATORS
            || time & !TIME_DIGITS != TIME_SEPARATORS
            || !matches!((day_time >> 16) as u8, b'T' | b't' | b' ')
        {
            return None;
        }
        let two = |word: u64, at: u32| {
            let digits = word ^ ZEROS;
            (((digits >> (8 * at)) & 0xff) * 10 + ((digits >> (8 * at + 8)) & 0xff)) as u32
        };
        let year = two(date, 0) * 100 + two(date, 2);
        let (month, day) = (two(date, 5), two(day_time, 0));
        let (hour, minute, second) = (two(time, 0), two(time, 3), two(time, 6));
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let mut millis: i64 = 0;
        if let Some((b'.', tail)) = rest.split_first() {
            let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            for (k, d) in tail.iter().take(digits.min(3)).enumerate() {
                millis += i64::from(d - b'0') * [100, 10, 1].get(k).copied().unwrap_or(0);
            }
            rest = tail.get(digits..)?;
        }
        let offset: i64 = match *rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                if ![h1, h2, m1, m2].iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let pair = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
                let (oh, om) = (pair(h1, h2), pair(m1, m2));
                if oh > 23 || om > 59 {
                    return None;
                }
                let seconds = i64::from(oh * 3_600 + om * 60);
                if sign == b'+' {
                    seconds
                } else {
                    -seconds
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + i64::from(hour * 3_600 + minute * 60 + second) - offset;
        Some(Instant(seconds * 1_000 + millis))
    }

    /// Whole seconds since the Unix epoch (rounded down).
    pub fn seconds(self) -> i64 {
        self.0.div_euclid(1_000)
    }

    /// Milliseconds since the Unix epoch.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// The instant at `seconds` since the Unix epoch (for hosts that read their own clock).
    pub fn from_seconds(seconds: i64) -> Instant {
        Instant(seconds.saturating_mul(1_000))
    }

    /// The instant at `millis` milliseconds since the Unix epoch.
    pub fn from_millis(millis: i64) -> Instant {
        Instant(millis)
    }
}

impl fmt::Display for Instant {
    /// RFC 3339 in UTC, to the second (and the millisecond when there is one).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0.div_euclid(1_000);
        let millis = self.0.rem_euclid(1_000);
        let days = whole.div_euclid(86_400);
        let secs = whole.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
            secs / 3600,
            (secs / 60) % 60,
            secs % 60
        )?;
        if millis != 0 {
            write!(f, ".{millis:03}")?;
        }
        f.write_str("Z")
    }
}

/// Each byte `b'0'`: a digit XOR this is its value.
const ZEROS: u64 = u64::from_le_bytes([b'0'; 8]);

/// The digits of `YYYY-MM-` (a byte `0xff` each, little-endian: byte 0 lowest), and its separators
/// in place.
const DATE_DIGITS: u64 = 0x00ff_ff00_ffff_ffff;
const DATE_SEPARATORS: u64 = u64::from_le_bytes(*b"\0\0\0\0-\0\0-");
/// The digits of `DDTHH:MM` that only this word holds (the day's).
const DAY_DIGITS: u64 = 0xffff;
/// The digits of `HH:MM:SS`, and its separators in place.
const TIME_DIGITS: u64 = 0xffff_00ff_ff00_ffff;
const TIME_SEPARATORS: u64 = u64::from_le_bytes(*b"\0\0:\0\0:\0\0");

/// `YYYY-MM-`, `DDTHH:MM` and `HH:MM:SS` of a date-time's first 19 bytes, as words.
fn words(head: &[u8; 19]) -> (u64, u64, u64) {
    let (date, tail) = head.split_first_chunk::<8>().unwrap_or((&[0; 8], &[]));
    let (day_time, _) = tail.split_first_chunk::<8>().unwrap_or((&[0; 8], &[]));
    let (_, time) = head.split_last_chunk::<8>().unwrap_or((&[], &[0; 8]));
    (
        u64::from_le_bytes(*date),
        u64::from_le_bytes(*day_time),
        u64::from_le_bytes(*time),
    )
}

/// The bytes of `word` under `mask` (whole bytes) are ASCII digits. A digit XOR `b'0'` is 0 to
/// 9, any other byte 10 or more: adding `0x76` sets the high bit of those (and of none below 10),
/// without a carry between bytes below `0x80` (one at `0x80` or above fails by its own high bit).
fn digits_at(word: u64, mask: u64) -> bool {
    let values = (word ^ ZEROS) & mask;
    let high = 0x8080_8080_8080_8080 & mask;
    (values.wrapping_add(0x7676_7676_7676_7676 & mask) | values) & high == 0
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's algorithms, on proleptic Gregorian dates.
/// Days since 1970-01-01 of a date of years 0 to 9999 (as [`Instant::parse`] reads them), in
/// unsigned arithmetic: the year is moved 400 years (one era, 146,097 days) up so that it never
/// goes below zero.
fn days_from_civil(y: u32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y + 399 } else { y + 400 };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i64::from(era * 146_097 + doe) - 719_468 - 146_097
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// When a grant is in force (B1): from `from` to `until`, both inclusive, either end open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// First instant in force, if bounded.
    pub from: Option<Instant>,
    /// Last instant in force, if bounded.
    pub until: Option<Instant>,
}

/// Whether a window holds at a given `now` — and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InForce {
    /// In force.
    Yes,
    /// Not yet: starts at this instant.
    NotYet(Instant),
    /// No longer: ended at this instant.
    Ended(Instant),
    /// The grant is time-bounded and the request carries no `now` (deny by default).
    NeedsDate,
}

impl Window {
    /// A window with no bound: always in force.
    pub const ALWAYS: Window = Window {
        from: None,
        until: None,
    };

    /// Whether the window has any bound.
    pub fn is_bounded(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Whether the window holds at `now` (see docs/DECISIONS.md §1 for `now = None`).
    pub fn check(&self, now: Option<Instant>) -> InForce {
        if !self.is_bounded() {
            return InForce::Yes;
        }
        let Some(now) = now else {
            return InForce::NeedsDate;
        };
        match (self.from, self.until) {
            (Some(from), _) if now < from => InForce::NotYet(from),
            (_, Some(until)) if now > until => InForce::Ended(until),
            _ => InForce::Yes,
        }
    }

    /// Shorthand for `check(now) == InForce::Yes`.
    pub fn holds(&self, now: Option<Instant>) -> bool {
        matches!(self.check(now), InForce::Yes)
    }
}

/// A validity window in words, as a letter or an edit list appends it to what it bounds: ` (du …
/// au …)`, ` (à partir du …)`, ` (jusqu'au …)`, or nothing when open-ended; the dates as given.
pub fn window_words(from: Option<&str>, until: Option<&str>, lang: Lang) -> String {
    match (from, until) {
        (None, None) => String::new(),
        (Some(f), None) => format!(" ({} {f})", lang.pick("à partir du", "from")),
        (None, Some(u)) => format!(" ({} {u})", lang.pick("jusqu'au", "until")),
        (Some(f), Some(u)) => format!(
            " ({} {f} {} {u})",
            lang.pick("du", "from"),
            lang.pick("au", "to")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_rfc3339() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-11-23T10:00:00Z", 1_795_428_000),
            ("2026-11-23T11:00:00+01:00", 1_795_428_000),
            ("2026-11-23T10:00:00.250Z", 1_795_428_000),
            ("2026-11-23T10:00:00.999999Z", 1_795_428_000),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
        ];
        for (text, secs) in cases {
            assert_eq!(
                Instant::parse(text).map(Instant::seconds),
                Some(secs),
                "{text}"
            );
        }
        assert_eq!(
            Instant::from_seconds(1_795_428_000).to_string(),
            "2026-11-23T10:00:00Z"
        );
    }

    #[test]
    fn refuses_what_is_not_rfc3339() {
        for text in [
            "",
            "yesterday",
            "2026-11-23",
            "2026-11-23T10:00:00",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T10:00:00.Z",
            "2026-11-23T10:00:00+1:00",
            "2026-11-23T10:00:00Zjunk",
            "２０２６-11-23T10:00:00Z",
        ] {
            assert_eq!(Instant::parse(text), None, "{text}");
        }
    }

    #[test]
    fn refuses_any_other_byte_in_the_date_and_time() {
        // Every byte value at every position of `YYYY-MM-DDTHH:MM:SS`: a digit where a digit goes
        // (the date staying valid), the separator where it goes, and nothing else.
        let valid = "2024-02-29T23:59:58Z";
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
        let mut accepted = 0;
        for at in 0..19 {
            for byte in 0..=255_u8 {
                let mut text = valid.as_bytes().to_vec();
                if let Some(b) = text.get_mut(at) {
                    *b = byte;
                }
                let Ok(text) = String::from_utf8(text) else {
                    continue;
                };
                let parsed = Instant::parse(&text);
                let same = text == valid;
                let may = if digits.contains(&at) {
                    byte.is_ascii_digit()
                } else if at == 10 {
                    matches!(byte, b'T' | b't' | b' ')
                } else {
                    same
                };
                if !may {
                    assert_eq!(parsed, None, "{text:?}");
                } else if parsed.is_some() {
                    accepted += 1;
                }
            }
        }
        // Each position keeps its own byte; the year's digits all fit, and some of the others.
        assert!(accepted > 19 + 4 * 9, "{accepted}");
        assert_eq!(
            Instant::parse("0000-01-01T00:00:00Z").map(Instant::seconds),
            Some(-62_167_219_200)
        );
        assert_eq!(
            Instant::parse("9999-12-31T23:59:59-23:59").map(Instant::seconds),
            Some(253_402_300_799 + 23 * 3_600 + 59 * 60)
        );
        assert_eq!(Instant::parse("1900-02-29T00:00:00Z"), None);
        assert_eq!(
            Instant::parse("2000-02-29t00:00:00.1z").map(Instant::millis),
            Some(951_782_400_100)
        );
    }

    #[test]
    fn windows_are_inclusive_and_need_a_date() {
        let at = |s| Instant::parse(s);
        let w = Window {
            from: at("2026-11-01T00:00:00Z"),
            until: at("2026-11-30T23:59:59Z"),
        };
        assert!(w.holds(at("2026-11-01T00:00:00Z")));
        assert!(w.holds(at("2026-11-30T23:59:59Z")));
        assert!(!w.holds(at("2026-12-01T00:00:00Z")));
        assert!(
            !w.holds(at("2026-11-30T23:59:59.900Z")),
            "past the last second of the window"
        );
        assert_eq!(
            at("2026-11-30T23:59:59.9Z")
                .map(|t| t.to_string())
                .as_deref(),
            Some("2026-11-30T23:59:59.900Z")
        );
        assert_eq!(w.check(None), InForce::NeedsDate);
        assert!(Window::ALWAYS.holds(None));
    }
}
