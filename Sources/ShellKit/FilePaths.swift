#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system helpers for completing and resolving paths typed in the shell (no Foundation).
public enum FilePaths {
    /// The user's home directory from `$HOME`, if set.
    public static var home: String? {
        getenv("HOME").map { String(cString: $0) }
    }

    /// The process's current directory, if it can be read.
    public static var currentDirectory: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` with a leading `~` or `~/` replaced by `home` (the tokenizer does not do this: handlers
    /// that open files should call it too).
    public static func expandingTilde(_ path: String, home: String? = FilePaths.home) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// Completions for a typed path: entries of the typed directory whose names start with the typed
    /// name, as the user would write them (`reports/2024.csv`, `~/data/`); directories end with `/`.
    ///
    /// Relative paths are resolved against `directory` (default: the current directory). Hidden
    /// entries are offered only when the typed name starts with `.`. Sorted by name.
    public static func candidates(
        for typed: String, directoriesOnly: Bool = false, in directory: String? = nil,
        home: String? = FilePaths.home
    ) -> [Candidate] {
        let slash = typed.lastIndex(of: "/")
        let typedDirectory = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        if typed == "~" { return [Candidate("~/")] }
        var searched = expandingTilde(typedDirectory, home: home)
        if !searched.hasPrefix("/") {
            let base = directory ?? currentDirectory ?? "."
            searched = (base.hasSuffix("/") ? base : base + "/") + searched
        }
        var results: [Candidate] = []
        for name in entries(of: searched) where name != "." && name != ".." {
            guard name.hasPrefix(namePrefix), namePrefix.hasPrefix(".") || !name.hasPrefix(".") else { continue }
            let isDirectory = isDirectory(searched + name)
            if directoriesOnly && !isDirectory { continue }
            results.append(Candidate(typedDirectory + name + (isDirectory ? "/" : "")))
        }
        return results.sorted { $0.value < $1.value }
    }

    /// Names in `directory` (empty when it cannot be read).
    static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            names.append(name)
        }
        return names
    }

    /// True when `path` is a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }
}
