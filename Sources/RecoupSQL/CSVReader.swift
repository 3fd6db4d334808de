import Foundation
import RecoupStore
/// An RFC 4180 reader over bytes that keeps the line and column of every field.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift for two reasons: a diagnostic needs the
/// line and column where each field starts, which those readers do not report, and an import of a
/// million invoices must stay within 1.2 times the `sqlite3` shell's `.import` (docs/BENCHMARKS.md),
/// which leaves no room for a `String` per field before validation. It accepts LF and CRLF line ends and a leading UTF-8 byte-order mark; fields stay
/// raw bytes until the importer asks for text, so invalid UTF-8 is reported where it occurs.
struct CSVReader {
    /// A field's bytes: a range of the file's (whose indices are offsets in the file), or of a
    /// quoted field's copy with its quotes removed.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    struct Field {
        /// The field's bytes with quotes removed and doubled quotes undone.
        var bytes: Bytes
        /// Holds a quoted field's copy while the field lives (nil for a range of the file).
        var copy: FileBytes?
        /// Byte offsets of the field's first byte and of the start of its line (for `column(of:)`).
        var offset: Int
        var lineStart: Int
        /// 1-based line where the field starts (later than its record's after an embedded newline).
        var line: Int
    }

    struct Record {
        /// 1-based line where the record starts (the header is line 1).
        var line: Int
        var fields: [Field]
    }

    enum Problem: Error, Equatable {
        case unterminatedQuote(line: Int, column: Int)
        case quoteInsideField(line: Int, column: Int)

        /// The problem as an import reports it.
        var importProblem: ImportProblem {
            switch self {
            case .unterminatedQuote(let line, let column):
                return ImportProblem(
                    line: line, column: column, message: "quoted field is never closed",
                    hint: "a field that starts with \" must end with \"")
            case .quoteInsideField(let line, let column):
                return ImportProblem(
                    line: line, column: column, message: "text after a closing quote",
                    hint: "write a quote inside a quoted field as \"\"")
            }
        }
    }

    private let file: FileBytes
    private let data: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The line the reader stands on (1-based).
    private(set) var line = 1
    private var scratch: [UInt8] = []
    /// The record being read, reused so that its field array is not allocated anew for every record.
    private var current = Record(line: 0, fields: [])

    init(file: FileBytes) {
        self.file = file
        self.data = file.buffer
        position = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The input's bytes (valid while the reader, or `file`, lives).
    var bytes: FileBytes { file }
    /// Size of the input in bytes.
    var size: Int { data.count }
    var isAtEnd: Bool { position >= data.count }
    /// Bytes consumed so far, for progress.
    var offset: Int { position }

    /// Goes back to where the reader stood before a record (its `offset` and `line` then), to read
    /// that record again.
    mutating func seek(to offset: Int, line: Int) {
        position = offset
        self.line = line
    }

    /// The next record, nil at the end of input. Blank lines are skipped.
    mutating func next() throws(Problem) -> Record? {
        while position < data.count && (data[position] == 0x0A || data[position] == 0x0D) {
            if data[position] == 0x0A { line += 1 }
            position += 1
        }
        guard position < data.count else { return nil }
        var record = current
        current.fields = []  // keeps `record` the array's only owner, so it is reused in place
        record.line = line
        record.fields.removeAll(keepingCapacity: true)
        var lineStart = position
        while true {
            let fieldStart = position
            if position < data.count && data[position] == 0x22 {  // quoted field
                let openLine = line, openColumn = scalarColumn(from: lineStart, to: position), openLineStart = lineStart
                position += 1
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while position < data.count {
                    let b = data[position]
                    if b == 0x22 {
                        if position + 1 < data.count && data[position + 1] == 0x22 {
                            scratch.append(0x22); position += 2; continue
                        }
                        position += 1; closed = true; break
                    }
                    if b == 0x0A { line += 1; lineStart = position + 1 }
                    scratch.append(b); position += 1
                }
                if !closed { throw .unterminatedQuote(line: openLine, column: openColumn) }
                if position < data.count && data[position] != 0x2C && data[position] != 0x0A && data[position] != 0x0D {
                    throw .quoteInsideField(line: line, column: scalarColumn(from: lineStart, to: position))
                }
                let copy = FileBytes(scratch)
                record.fields.append(
                    Field(
                        bytes: copy.buffer[...], copy: copy, offset: fieldStart, lineStart: openLineStart,
                        line: openLine))
            } else {
                let start = position
                while position < data.count {
                    let b = data[position]
                    if b == 0x2C || b == 0x0A || b == 0x0D { break }
                    position += 1
                }
                record.fields.append(
                    Field(
                        bytes: data[start..<position], copy: nil, offset: fieldStart, lineStart: lineStart, line: line))
            }
            if position >= data.count { current = record; return record }
            let b = data[position]
            if b == 0x2C { position += 1; continue }
            if b == 0x0D {
                position += 1; if position < data.count && data[position] == 0x0A { position += 1 }
            } else {
                position += 1
            }
            line += 1
            current = record
            return record
        }
    }

    /// 1-based column (in Unicode scalars) where the field starts on its line.
    func column(of field: Field) -> Int { scalarColumn(from: field.lineStart, to: field.offset) }

    /// Columns count Unicode scalars: every byte that does not continue a UTF-8 sequence.
    private func scalarColumn(from start: Int, to end: Int) -> Int {
        var n = 1
        var i = start
        while i < end { if data[i] & 0xC0 != 0x80 { n += 1 }; i += 1 }
        return n
    }
}

/// Bytes a reader reads: a file mapped into memory (its pages are the page cache's own: no copy
/// of a 66 MB file, and no fresh memory to fault in and zero, which on this project's machines cost
/// more than the copy), or a copy of an array.
final class FileBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool

    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<bytes.count])
        mapped = false
    }

    private init(mapped base: UnsafeRawPointer, count: Int) {
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
        mapped = true
    }

    /// The file at `path` mapped read-only, or what is wrong with it.
    static func map(_ path: String) throws(StoreError) -> FileBytes {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw .file(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .file(path: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        if size == 0 { return FileBytes([]) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw .file(path: path, reason: "cannot be read")
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return FileBytes(mapped: UnsafeRawPointer(base), count: size)
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }
}
