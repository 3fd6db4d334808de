extension Tokenizer {
    /// The word left open at the scanner's limit (tolerant mode only).
    struct OpenWord {
        var start: Int
        var text: String
        var quote: Unicode.Scalar?
        var wasQuoted: Bool
    }

    struct ScanResult {
        var tokens: [Token] = []
        var open: OpenWord?
        var inComment = false
    }

    /// The single state machine behind `tokenize` and `tokenizeForCompletion`.
    ///
    /// With `variables == nil` the scanner is tolerant: it stops at `limit` wherever it is, keeps
    /// `$NAME` as typed and never throws.
    struct Scanner {
        let scalars: [Unicode.Scalar]
        let limit: Int
        let variables: ((String) -> String?)?
        var i = 0
        var result = ScanResult()
        var text = String.UnicodeScalarView()
        var wordStart: Int?
        var wasQuoted = false
        /// Length of `text` when the word's first quote opened.
        var bareLength: Int?

        init(scalars: [Unicode.Scalar], limit: Int, variables: ((String) -> String?)?) {
            self.scalars = scalars
            self.limit = limit
            self.variables = variables
        }

        var tolerant: Bool { variables == nil }

        mutating func run() throws(ShellError) -> ScanResult {
            while i < limit {
                let c = scalars[i]
                if wordStart == nil {
                    if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
                    if c == "#" { result.inComment = true; break }
                    wordStart = i
                    wasQuoted = false
                    bareLength = nil
                    text = String.UnicodeScalarView()
                }
                switch c {
                case " ", "\t", "\n", "\r":
                    finishWord()
                    i += 1
                case "'":
                    try singleQuoted()
                case "\"":
                    try doubleQuoted()
                case "\\":
                    if i + 1 < limit {
                        if scalars[i + 1] != "\n" { text.append(scalars[i + 1]) }
                        i += 2
                    } else {
                        // A trailing backslash is a line continuation: dropped (with its word if alone).
                        if wordStart == i && text.isEmpty && !wasQuoted { wordStart = nil }
                        i += 1
                    }
                case "$":
                    try expand()
                default:
                    text.append(c)
                    i += 1
                }
            }
            if !result.inComment, let start = wordStart {
                if tolerant {
                    result.open = OpenWord(start: start, text: String(text), quote: nil, wasQuoted: wasQuoted)
                } else {
                    finishWord()
                }
            }
            return result
        }

        mutating func finishWord() {
            guard let start = wordStart else { return }
            result.tokens.append(
                Token(String(text), start: start, end: i, wasQuoted: wasQuoted, bareLength: bareLength ?? text.count))
            wordStart = nil
        }

        /// Stops the scan with an open quote (tolerant) or throws.
        mutating func unterminated(_ quote: Unicode.Scalar, at position: Int) throws(ShellError) {
            if tolerant {
                result.open = OpenWord(start: wordStart ?? position, text: String(text), quote: quote, wasQuoted: true)
                wordStart = nil
                i = limit
                return
            }
            let kind = quote == "'" ? "single" : "double"
            throw ShellError(
                "unterminated \(kind) quote", hint: "close it with \(quote == "'" ? "\"'\"" : "'\"'")",
                column: position + 1)
        }

        mutating func singleQuoted() throws(ShellError) {
            let open = i
            if !wasQuoted { bareLength = text.count }
            wasQuoted = true
            var j = i + 1
            while j < limit && scalars[j] != "'" { j += 1 }
            text.append(contentsOf: scalars[(i + 1)..<min(j, limit)])
            if j >= limit { return try unterminated("'", at: open) }
            i = j + 1
        }

        mutating func doubleQuoted() throws(ShellError) {
            let open = i
            if !wasQuoted { bareLength = text.count }
            wasQuoted = true
            i += 1
            while i < limit {
                let c = scalars[i]
                switch c {
                case "\"":
                    i += 1
                    return
                case "\\":
                    if i + 1 < limit, ["\"", "\\", "$"].contains(scalars[i + 1]) {
                        text.append(scalars[i + 1])
                        i += 2
                    } else if i + 1 < limit, scalars[i + 1] == "\n" {
                        i += 2
                    } else {
                        text.append(c)
                        i += 1
                    }
                case "$":
                    try expand()
                default:
                    text.append(c)
                    i += 1
                }
            }
            try unterminated("\"", at: open)
        }

        static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
            c.isASCII && (c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c))
        }

        /// Expands `$NAME` or `${NAME}` at `i` (which holds `$`).
        mutating func expand() throws(ShellError) {
            let dollar = i
            var j = i + 1
            let name: String
            if j < limit && scalars[j] == "{" {
                j += 1
                let nameStart = j
                while j < limit && scalars[j] != "}" { j += 1 }
                if j >= limit {
                    if tolerant {
                        text.append(contentsOf: scalars[dollar..<limit])
                        i = limit
                        return
                    }
                    throw ShellError("unterminated '${'", hint: "close it with '}'", column: dollar + 1)
                }
                let chars = scalars[nameStart..<j]
                name = String(String.UnicodeScalarView(chars))
                if !tolerant && (chars.isEmpty || !chars.allSatisfy(Scanner.isNameScalar)) {
                    throw ShellError(
                        "invalid variable name '\(name)'", hint: "use letters, digits and '_'",
                        column: dollar + 1)
                }
                j += 1
            } else {
                let nameStart = j
                while j < limit && Scanner.isNameScalar(scalars[j]) { j += 1 }
                if j == nameStart {
                    text.append("$")
                    i += 1
                    return
                }
                name = String(String.UnicodeScalarView(scalars[nameStart..<j]))
            }
            if let variables {
                guard let value = variables(name) else {
                    throw ShellError(
                        "undefined variable '\(name)'", hint: "define it with 'set \(name) VALUE'",
                        column: dollar + 1)
                }
                text.append(contentsOf: value.unicodeScalars)
            } else {
                text.append(contentsOf: scalars[dollar..<j])
            }
            i = j
        }
    }
}
