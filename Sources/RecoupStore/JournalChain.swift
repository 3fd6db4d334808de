import Crypto
import Foundation

/// The journal's hash chain, the same on every backend.
///
/// Each entry's hash is `SHA-256(previous hash ‖ "\n" ‖ canonical line)` as lowercase hex, the first
/// entry's previous hash being 64 zeros (../shared/notes/collections-workflow.md §8). The canonical line
/// is built here, never by a database: the fields in a fixed order, `|`-separated, with `\`, `|` and
/// line breaks escaped so no two entries share a line; amounts are integer fen inside the payload;
/// times are RFC 3339 instants with their offset (`Z`, as written). A chain alone shows any edit in
/// the middle; entries cut from the end show only against a checkpoint kept elsewhere
/// (`JournalCheckpoint`).
public enum JournalChain {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// `SHA-256(prev ‖ "\n" ‖ line)`, lowercase hex.
    public static func hash(prev: String, line: String) -> String {
        let digest = SHA256.hash(data: Data((prev + "\n" + line).utf8))
        return digest.map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    /// The entry's canonical line: `seq|at|operator|kind|customer|command|effect|payload`.
    public static func line(_ e: JournalEntry) -> String {
        [String(e.sequence), e.at, e.operator, e.kind, e.customer ?? "", e.command, e.effect, e.payload ?? ""]
            .map(escape).joined(separator: "|")
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "|" || $0 == "\\" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = ""
        for ch in field {
            switch ch {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// What `verify` found.
    public struct Verification: Sendable, Equatable {
        /// Entries checked, and the newest one's number and hash (nil for an empty journal).
        public var count: Int
        public var lastSequence: Int?
        public var lastHash: String?
        /// The first entry that does not hold, and why; nil when the whole chain holds.
        public var brokenAt: Int?
        public var problem: String?
        public var holds: Bool { brokenAt == nil }
    }

    /// Walks entries oldest first (the caller feeds them one at a time) and checks numbering and hashes.
    public struct Verifier: Sendable {
        public private(set) var result = Verification(count: 0)
        var prev = JournalChain.genesis
        var expected = 1

        public init() {}

        /// Checks the next entry with its stored hash; false once the chain is broken (stop feeding).
        public mutating func feed(_ e: JournalEntry) -> Bool {
            guard result.holds else { return false }
            if e.sequence != expected {
                result.brokenAt = expected
                result.problem =
                    e.sequence > expected
                    ? "entry \(expected) is missing: the journal goes from entry \(expected - 1) to entry \(e.sequence)"
                    : "entry \(e.sequence) appears twice or out of order (expected entry \(expected))"
                return false
            }
            let want = JournalChain.hash(prev: prev, line: JournalChain.line(e))
            guard e.hash == want else {
                result.brokenAt = e.sequence
                result.problem =
                    e.hash == nil
                    ? "entry \(e.sequence) has no hash"
                    : "entry \(e.sequence) does not match its hash: it was changed after it was written"
                return false
            }
            prev = want
            expected += 1
            result.count += 1
            result.lastSequence = e.sequence
            result.lastHash = want
            return true
        }
    }
}

/// A signed note of the journal's newest entry, kept apart from the workspace (mailed to finance,
/// printed in the month-end report): verifying against it finds entries cut from the end, which the
/// chain alone cannot. Signed with Ed25519 (swift-crypto) by a key kept outside the workspace.
public struct JournalCheckpoint: Sendable, Equatable {
    public var sequence: Int
    public var hash: String
    public var at: String
    public var `operator`: String
    public var workspace: String
    /// The signer's public key and the signature, base64.
    public var publicKey: String
    public var signature: String

    /// The bytes that are signed.
    var message: Data {
        Data(
            ["recoup journal checkpoint", String(sequence), hash, at, self.operator, workspace].joined(separator: "|")
                .utf8)
    }

    /// A checkpoint of entry `sequence` with `hash`, signed with `key` (raw 32-byte Ed25519 private key).
    public static func signed(
        sequence: Int, hash: String, at: String, operator who: String, workspace: String, key: Data
    ) throws -> JournalCheckpoint {
        let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: key)
        var c = JournalCheckpoint(
            sequence: sequence, hash: hash, at: at, operator: who, workspace: workspace,
            publicKey: privateKey.publicKey.rawRepresentation.base64EncodedString(), signature: "")
        c.signature = try privateKey.signature(for: c.message).base64EncodedString()
        return c
    }

    /// A new Ed25519 private key, raw.
    public static func newKey() -> Data { Curve25519.Signing.PrivateKey().rawRepresentation }

    /// The public key (base64) of a raw private key, or nil when it is not one.
    public static func publicKey(of key: Data) -> String? {
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: key))?.publicKey.rawRepresentation.base64EncodedString()
    }

    /// True when the signature is the public key's over the checkpoint's fields.
    public var signatureHolds: Bool {
        guard let k = Data(base64Encoded: publicKey), let s = Data(base64Encoded: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: k)
        else { return false }
        return key.isValidSignature(s, for: message)
    }

    /// The file's text: one `key: value` line each.
    public var text: String {
        """
        recoup journal checkpoint
        entry: \(sequence)
        hash: \(hash)
        at: \(at)
        operator: \(self.operator)
        workspace: \(workspace)
        public_key: \(publicKey)
        signature: \(signature)

        """
    }

    /// Reads a checkpoint file's text; nil when it is not one.
    public init?(text: String) {
        var f: [String: String] = [:]
        let lines = text.split(whereSeparator: \.isNewline)
        guard lines.first == "recoup journal checkpoint" else { return nil }
        for l in lines.dropFirst() {
            guard let colon = l.firstIndex(of: ":") else { continue }
            f[String(l[..<colon])] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let seq = f["entry"].flatMap(Int.init), let hash = f["hash"], let at = f["at"],
            let who = f["operator"], let key = f["public_key"], let sig = f["signature"]
        else { return nil }
        self.init(
            sequence: seq, hash: hash, at: at, operator: who, workspace: f["workspace"] ?? "", publicKey: key,
            signature: sig)
    }

    public init(
        sequence: Int, hash: String, at: String, operator who: String, workspace: String, publicKey: String,
        signature: String
    ) {
        self.sequence = sequence; self.hash = hash; self.at = at; self.operator = who; self.workspace = workspace
        self.publicKey = publicKey; self.signature = signature
    }
}
