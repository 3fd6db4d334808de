import PostgresNIO
import RecoupSQL

/// Takes a bulk read's rows off the wire before postgres-nio decodes them.
///
/// Written by hand for a measured need (docs/BENCHMARKS.md, "The workspace on PostgreSQL"): the
/// whole-portfolio loaders read two million rows; postgres-nio hands each row through its state
/// machines and a `PostgresRow` (about 5 µs a row here), building the rows into arrays on the server
/// instead (`array_agg`) cost the server 1.5 s a loader query, and postgres-nio 1.33.2 has no COPY
/// TO. So each connection's channel carries this handler, just after TLS (when used) and before
/// postgres-nio's own. It follows the protocol's framing (a type byte, then a 4-byte length that
/// counts itself), and while a bulk read is armed it copies each DataRow message's body into a
/// `WireRows.Builder` instead of passing it on. postgres-nio still sees every other message (the
/// row description, the command's completion, errors, ReadyForQuery), so to it the query returned
/// no rows and the connection's state stays its own. Unarmed, every byte is passed on unchanged.
///
/// It is added while the connection is idle, just after the startup's ReadyForQuery, so it starts
/// on a message boundary; from then on every message is framed (`MessageFraming`), armed or not.
final class DataRowTap: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The read being served (touched on the event loop only).
    private var sink: WireRows.Builder?
    private var framing = MessageFraming()

    /// Arms (a builder) or disarms (nil) the tap; on the event loop, between queries.
    func serve(_ builder: WireRows.Builder?) { sink = builder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let whole = framing.split(unwrapInboundIn(data), diverting: sink) {
            context.fireChannelRead(wrapInboundOut($0))
        }
        if whole { context.fireChannelRead(data) }
    }
}

/// The protocol's message framing across reads, for `DataRowTap`: which bytes of each read belong
/// to DataRow messages (diverted to a sink when one is given) and which are passed on.
struct MessageFraming {
    /// The bytes of a message header seen so far while it is split across reads (its length is
    /// parsed once all five are in; the bytes themselves were passed on or dropped as they came).
    private var header: [UInt8] = []
    /// Bytes of the current message's body still to come, and whether they go to the sink.
    private var remaining = 0
    private var diverting = false

    /// Splits one read: hands `pass` the slices to pass on, in order, and appends DataRow bodies to
    /// `sink` (nil: none are diverted). Returns true, having called `pass` for nothing, when the
    /// whole read is to be passed on as it is.
    mutating func split(_ buffer: ByteBuffer, diverting sink: WireRows.Builder?, pass: (ByteBuffer) -> Void) -> Bool {
        let base = buffer.readerIndex, end = buffer.writerIndex
        var at = base
        var passFrom = base  // this read's bytes from here on are not passed on yet
        var divertedAny = false
        func passOn(upTo stop: Int) {
            guard stop > passFrom, let slice = buffer.getSlice(at: passFrom, length: stop - passFrom) else { return }
            pass(slice)
        }
        while at < end {
            if remaining == 0 {
                // A message header starts here or goes on from the last read.
                if header.isEmpty {
                    diverting = sink != nil && buffer.getInteger(at: at, as: UInt8.self) == UInt8(ascii: "D")
                    if diverting {
                        passOn(upTo: at)
                        divertedAny = true
                    }
                    if end - at >= 5 {
                        remaining = max(0, Int(buffer.getInteger(at: at + 1, as: UInt32.self)!) - 4)
                        at += 5
                        if diverting {
                            passFrom = at
                            sink?.beginRow(length: remaining)
                        }
                        continue
                    }
                }
                let n = min(5 - header.count, end - at)
                header += buffer.getBytes(at: at, length: n)!
                at += n
                if diverting { passFrom = at }
                if header.count == 5 {
                    let length = Int(header[1]) << 24 | Int(header[2]) << 16 | Int(header[3]) << 8 | Int(header[4])
                    remaining = max(0, length - 4)
                    header = []
                    if diverting { sink?.beginRow(length: remaining) }
                }
                continue
            }
            let n = min(remaining, end - at)
            if diverting {
                buffer.withUnsafeReadableBytes { raw in
                    sink?.append(UnsafeRawBufferPointer(rebasing: raw[(at - base)..<(at - base + n)]))
                }
                passFrom = at + n
            }
            at += n
            remaining -= n
        }
        guard divertedAny || passFrom != base else { return true }
        passOn(upTo: end)
        return false
    }
}

/// A bulk read's rows as they came off the wire (each a DataRow body: a 2-byte column count, then
/// each column's 4-byte length, -1 for NULL, and its bytes in the binary format), in large arenas,
/// read in place: `text(i)` points into the arena (valid until the rows are released).
final class WireRows: RawRows, @unchecked Sendable {
    /// Collects the rows, from the tap on the event loop or, when a row came through postgres-nio
    /// after all, from its `PostgresRow`.
    final class Builder: @unchecked Sendable {
        fileprivate var arenas: [(bytes: UnsafeMutableRawPointer, used: Int)] = []
        private var capacity = 0
        fileprivate var rows = 0
        /// Rows that came through postgres-nio instead of the tap (none while the tap is on).
        fileprivate(set) var decodedByClient = 0
        private static let arenaSize = 4 << 20

        deinit { for a in arenas { a.bytes.deallocate() } }

        /// Room for a row of `length` bytes, in one arena.
        func beginRow(length: Int) {
            rows += 1
            if arenas.isEmpty || capacity - arenas[arenas.count - 1].used < length {
                capacity = max(Self.arenaSize, length)
                arenas.append((UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8), 0))
            }
        }

        func append(_ bytes: UnsafeRawBufferPointer) {
            guard let from = bytes.baseAddress, bytes.count > 0 else { return }
            let k = arenas.count - 1
            (arenas[k].bytes + arenas[k].used).copyMemory(from: from, byteCount: bytes.count)
            arenas[k].used += bytes.count
        }

        /// A row postgres-nio decoded (the tap was not on this connection), in the same layout.
        func append(_ row: PostgresRow) {
            decodedByClient += 1
            var body = ByteBuffer()
            body.writeInteger(Int16(row.count))
            for cell in row {
                if var b = cell.bytes {
                    body.writeInteger(Int32(b.readableBytes))
                    body.writeBuffer(&b)
                } else {
                    body.writeInteger(Int32(-1))
                }
            }
            beginRow(length: body.readableBytes)
            body.withUnsafeReadableBytes { append($0) }
        }
    }

    private let builder: Builder
    private var arena = 0, offset = 0, read = 0
    /// The current row's cells: start (nil: NULL) and length, behind pointers so that reading a cell
    /// costs no run-time exclusivity check.
    private let starts: UnsafeMutablePointer<UnsafePointer<UInt8>?>, lengths: UnsafeMutablePointer<Int>
    private static let maxColumns = 64

    init(_ builder: Builder) {
        self.builder = builder
        starts = .allocate(capacity: Self.maxColumns)
        starts.initialize(repeating: nil, count: Self.maxColumns)
        lengths = .allocate(capacity: Self.maxColumns)
        lengths.initialize(repeating: 0, count: Self.maxColumns)
    }

    deinit {
        starts.deallocate()
        lengths.deallocate()
    }

    var count: Int { builder.rows }
    var rowsDecodedByClient: Int { builder.decodedByClient }

    func next() -> Bool {
        guard read < builder.rows else { return false }
        read += 1
        while offset >= builder.arenas[arena].used {
            arena += 1
            offset = 0
        }
        let p = UnsafePointer(builder.arenas[arena].bytes.assumingMemoryBound(to: UInt8.self)) + offset
        let columns = Int(UInt16(p[0]) << 8 | UInt16(p[1]))
        precondition(columns <= Self.maxColumns, "a bulk read of more than \(Self.maxColumns) columns")
        var k = 2
        for c in 0..<columns {
            let n = Int(
                Int32(
                    bitPattern: UInt32(p[k]) << 24 | UInt32(p[k + 1]) << 16 | UInt32(p[k + 2]) << 8 | UInt32(p[k + 3])))
            k += 4
            if n < 0 {
                starts[c] = nil
                lengths[c] = 0
            } else {
                starts[c] = p + k
                lengths[c] = n
                k += n
            }
        }
        offset += k
        return true
    }

    func finish() {}

    func isNull(_ i: Int32) -> Bool { starts[Int(i)] == nil }

    /// An integer column (int2, int4 or int8, big-endian).
    func int(_ i: Int32) -> Int64 {
        guard let p = starts[Int(i)] else { return 0 }
        let n = lengths[Int(i)]
        var v: Int64 = 0
        for j in 0..<n { v = v << 8 | Int64(p[j]) }
        if n < 8 && n > 0 && p[0] & 0x80 != 0 { v -= 1 << (8 * Int64(n)) }  // sign of int2, int4
        return v
    }

    func text(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: starts[Int(i)], count: lengths[Int(i)])
    }
}
