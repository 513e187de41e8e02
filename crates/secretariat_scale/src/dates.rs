//! RFC 3339 date-times counted in days from the day of [`crate::NOW`] (2026-11-23).

/// Days from 1970-01-01 to 2026-11-23.
const BASE_DAY: i64 = 20_780;

/// `2026-11-23` plus `days`, at `hour:minute` UTC, as RFC 3339.
pub fn at(days: i64, hour: u32, minute: u32) -> String {
    let (y, m, d) = civil(BASE_DAY + days);
    format!("{y:04}-{m:02}-{d:02}T{hour:02}:{minute:02}:00Z")
}

/// Howard Hinnant's `civil_from_days`: days since the epoch → (year, month, day).
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::at;

    #[test]
    fn days_count_from_the_benchmark_day() {
        assert_eq!(at(0, 10, 0), "2026-11-23T10:00:00Z");
        assert_eq!(at(8, 13, 30), "2026-12-01T13:30:00Z");
        assert_eq!(at(-23, 9, 0), "2026-10-31T09:00:00Z");
        assert_eq!(at(39, 0, 0), "2027-01-01T00:00:00Z");
    }
}
