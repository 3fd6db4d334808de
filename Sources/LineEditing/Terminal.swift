import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the process's terminal.
public enum Terminal {
    /// True when both standard input and standard output are terminals: only then edit lines with libedit,
    /// print prompts, colours or progress.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Columns of the terminal on standard output (or standard error), 80 when unknown.
    public static var width: Int {
        for fd in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
            let columns = Int(cel_terminal_columns(fd))
            if columns > 0 { return columns }
        }
        return 80
    }

    /// Rows of the terminal on standard output (or standard error), 45 when unknown.
    public static var height: Int {
        for fd in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
            let rows = Int(cel_terminal_rows(fd))
            if rows > 0 { return rows }
        }
        return 45
    }
}

/// The Ctrl-C flag: a SIGINT handler sets it instead of killing the process.
///
/// `EditLineReader` installs it and turns Ctrl-C while editing into `LineEvent.interrupt`. A long-running
/// command polls `Interrupt.isRequested` and stops early; the REPL calls `clear()` before the next command.
public enum Interrupt {
    /// Installs the SIGINT handler (sigaction without SA_RESTART, so a blocked read returns). Idempotent.
    public static func install() {
        cel_interrupt_install()
    }

    /// True once Ctrl-C was pressed since the last `clear()`.
    public static var isRequested: Bool {
        cel_interrupt_requested() != 0
    }

    public static func clear() {
        cel_interrupt_clear()
    }
}
