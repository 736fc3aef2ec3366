//! Process exit codes, following diff(1): 0 nothing to report, 1 differences
//! found, 2 trouble. `compare` exits 0 or 2 (1 too with `--exit-code`);
//! `check` uses all three.

/// An exit status of the `claimdiff` binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitCode {
    /// Success, nothing to report.
    Success,
    /// `check` found differences that the `--fail-on` set asks to fail on, or
    /// `compare --exit-code` found any.
    Differences,
    /// Trouble: bad input, bad arguments, I/O failure.
    Trouble,
}

impl ExitCode {
    /// The numeric code.
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Differences => 1,
            ExitCode::Trouble => 2,
        }
    }

    /// Combines two outcomes: trouble wins over differences, which win over
    /// success.
    pub fn merge(self, other: ExitCode) -> ExitCode {
        self.max(other)
    }
}

#[cfg(test)]
mod tests {
    use super::ExitCode::*;

    #[test]
    fn merge_prefers_the_worst_outcome() {
        assert_eq!(Success.merge(Success), Success);
        assert_eq!(Success.merge(Differences), Differences);
        assert_eq!(Differences.merge(Success), Differences);
        assert_eq!(Differences.merge(Trouble), Trouble);
        assert_eq!(Trouble.merge(Success), Trouble);
        assert_eq!(Success.code(), 0);
        assert_eq!(Differences.code(), 1);
        assert_eq!(Trouble.code(), 2);
    }
}
