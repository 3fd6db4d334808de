// Test support: runs a program on a pseudo-terminal, types into it and reads what it prints.
#if canImport(Glibc)
    import Glibc
#endif

/// A child process attached to a new pseudo-terminal, as if started by a user in a terminal window.
///
/// A class because it owns a process and a descriptor: releasing it terminates the process.
///
/// The child gets its own session with the terminal as controlling terminal (so a written 0x03 becomes
/// SIGINT), default signal dispositions and an empty signal mask, and exactly the `environment` given.
/// Output is read from the terminal's master side; libedit repaints only what changed, so assert on the
/// inserted text or on the command's output after Enter, not on a whole redrawn screen.
///
/// Type a new line only after reading its prompt: keys written while the program is still running the
/// previous command reach a terminal in cooked mode (echoed twice, Ctrl-D taken as end of input).
/// `readUntil` consumes the output it returns, so each call sees only what came after the previous one.
/// ```swift
/// let terminal = try PseudoTerminal(
///     executable: PseudoTerminal.builtProduct("recoup"), arguments: ["--workspace", path],
///     environment: ["TERM": "xterm", "HOME": home])        // no LANG: Chinese must still work
/// try terminal.readUntil("> ")                            // the prompt
/// terminal.write("customer show 张")
/// terminal.write(PseudoTerminal.Key.tab)
/// try terminal.readUntil("张三丰")                         // the completion was echoed
/// terminal.write(PseudoTerminal.Key.enter)
/// let output = try terminal.readUntil("> ")               // the command's output, up to the next prompt
/// terminal.write(PseudoTerminal.Key.ctrlD)
/// #expect(terminal.waitForExit() == 0)
/// ```
final class PseudoTerminal {
    /// Bytes that keys send on an xterm-like terminal.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
        static let ctrlR = "\u{12}"
        static let escape = "\u{1B}"
        static let up = "\u{1B}[A"
        static let down = "\u{1B}[B"
        static let right = "\u{1B}[C"
        static let left = "\u{1B}[D"
        static let home = "\u{1B}[H"
        static let end = "\u{1B}[F"
        static let delete = "\u{1B}[3~"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The child's process id.
    let processID: pid_t
    private let master: Int32
    /// Output read from the terminal but not yet returned by `read(for:)` or `readUntil(_:timeout:)`.
    private var pending: [UInt8] = []
    private var exitStatus: Int32?
    private var isClosed = false

    /// Starts `executable` (a path) on a new `columns` x `rows` pseudo-terminal.
    init(
        executable: String, arguments: [String] = [], environment: [String: String] = ["TERM": "xterm"],
        columns: Int = 80, rows: Int = 24
    ) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty: \(Self.lastError())")
        }
        // The parent's copy of the slave is closed once the child has opened its own (posix_spawn returns
        // after exec), so reading the master fails with EIO when the child exits.
        defer { close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var slaveName = [CChar](repeating: 0, count: 4096)
        guard ttyname_r(slave, &slaveName, slaveName.count) == 0 else {
            close(master)
            throw Failure(description: "ttyname_r: \(Self.lastError())")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened by path after setsid(): the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, not imported into Swift
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // Test runners block SIGINT in their threads and children inherit the mask: reset it.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&defaults, Int32(signal)) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(result)))")
        }
        self.processID = pid
        self.master = master
    }

    deinit {
        terminate()
    }

    /// The path of a product built next to the running test bundle, such as `recoup`.
    static func builtProduct(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return name }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) + "/" + name
    }

    /// Types `text` (UTF-8), as if pasted.
    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Types raw bytes.
    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            offset += count
        }
    }

    /// Everything the program prints during the next `seconds` (plus output not yet returned).
    func read(for seconds: Double) -> String {
        let deadline = Self.now() + seconds
        while Self.now() < deadline {
            if !fill(until: deadline) { break }
        }
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// Reads until the output contains `text`; returns the output up to and including it (the rest stays
    /// for the next read). Throws with the output seen so far when `timeout` seconds pass first or the
    /// program closes the terminal.
    @discardableResult
    func readUntil(_ text: String, timeout: Double = 5) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Self.now() + timeout
        while true {
            if let range = Self.firstRange(of: needle, in: pending) {
                let found = String(decoding: pending[..<range.upperBound], as: UTF8.self)
                pending.removeSubrange(..<range.upperBound)
                return found
            }
            if Self.now() >= deadline || !fill(until: deadline) {
                let seen = String(decoding: pending, as: UTF8.self)
                throw Failure(description: "did not see \(text.debugDescription); output was \(seen.debugDescription)")
            }
        }
    }

    /// Waits for the program to exit and returns its exit code (128 + n when killed by signal n), or nil
    /// when it is still running after `timeout` seconds. Output printed meanwhile stays readable.
    func waitForExit(timeout: Double = 5) -> Int32? {
        let deadline = Self.now() + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(processID, &status, WNOHANG)
            if result == processID {
                exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            } else if result < 0 && errno != EINTR {
                exitStatus = -1
            } else if Self.now() >= deadline {
                return nil
            } else {
                _ = fill(until: min(deadline, Self.now() + 0.02))
            }
        }
        return exitStatus
    }

    /// True until the program has been seen to exit.
    func isRunning() -> Bool {
        waitForExit(timeout: 0) == nil
    }

    /// Ends the program (SIGTERM, then SIGKILL after a second), reaps it and closes the terminal.
    func terminate() {
        if exitStatus == nil {
            kill(processID, SIGTERM)
            if waitForExit(timeout: 1) == nil {
                kill(processID, SIGKILL)
                _ = waitForExit(timeout: 5)
            }
        }
        if !isClosed {
            close(master)
            isClosed = true
        }
    }

    // MARK: - Private

    /// Waits for output until `deadline` and appends it to `pending`. False when the terminal is closed
    /// (the program exited and no output remains) or the deadline passed without output.
    private func fill(until deadline: Double) -> Bool {
        guard !isClosed else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min((deadline - Self.now()) * 1000, 60_000)))
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { return true }
        if count <= 0 { return false }  // EIO: every slave descriptor is closed
        pending.append(contentsOf: chunk[..<count])
        return true
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty ? 0..<0 : nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
