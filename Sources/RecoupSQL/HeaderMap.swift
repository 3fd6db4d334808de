import RecoupStore
/// How a CSV file's header maps onto canonical columns, for every importer (records, bureau reports).
///
/// A header name fills the canonical column it names (case-insensitively) unless `--map` reads that
/// column from another header; a mapped foreign header fills its canonical column. Unknown headers
/// are problems unless extra columns are ignored; so are a column named twice, a mapped header not
/// in the file and a missing required column, each located on line 1.
struct HeaderMap {
    /// For each header field, the canonical column it fills (-1: skipped).
    var slots: [Int] = []
    var problems: [ImportProblem] = []

    /// - Parameters:
    ///   - what: the file's kind in words, as in "unknown column 'X' in a WHAT file".
    ///   - notAColumn: how a mapping's unknown canonical name is told: "of invoices".
    ///   - mapExample: the canonical column a hint suggests mapping an unknown header to.
    init(
        _ header: CSVReader.Record, reader: CSVReader, canonical: [String], required: [Int], mapping: [String: String],
        ignoreExtraColumns: Bool, what: String, notAColumn: String, mapExample: String
    ) {
        func problem(_ column: Int, _ message: String, _ hint: String?) {
            problems.append(ImportProblem(line: 1, column: column, message: message, hint: hint))
        }
        var names: [String] = []
        for f in header.fields {
            guard let s = String(validating: f.bytes, as: UTF8.self) else {
                problem(reader.column(of: f), "header is not valid UTF-8", "save the file as UTF-8")
                return
            }
            names.append(s.trimmingCharacters(in: .whitespaces))
        }
        var foreignToCanonical: [String: Int] = [:]
        for (c, foreign) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let slot = canonical.firstIndex(of: c.lowercased()) else {
                problem(1, "'\(c)' is not a column \(notAColumn)", "columns: \(canonical.joined(separator: ", "))")
                continue
            }
            foreignToCanonical[foreign.lowercased()] = slot
            if !names.contains(where: { $0.lowercased() == foreign.lowercased() }) {
                problem(
                    1, "mapped column '\(foreign)' (for '\(c)') is not in the header",
                    "the header has: \(names.joined(separator: ", "))")
            }
        }
        var filled = [Bool](repeating: false, count: canonical.count)
        for (i, name) in names.enumerated() {
            let key = name.lowercased()
            var slot = foreignToCanonical[key]
            if slot == nil, let c = canonical.firstIndex(of: key), mapping[key] == nil { slot = c }
            if let s = slot {
                if filled[s] {
                    problem(reader.column(of: header.fields[i]), "column '\(canonical[s])' appears twice", nil)
                    slots.append(-1)
                    continue
                }
                filled[s] = true
                slots.append(s)
            } else if ignoreExtraColumns {
                slots.append(-1)
            } else {
                let hint =
                    mapping[key].map { "--map reads '\(key)' from '\($0)'" }
                    ?? ImportRun.nearest(key, among: canonical).map { "did you mean '\($0)'?" }
                    ?? "map it with --map '\(mapExample)=\(name)', or pass --ignore-extra-columns"
                problem(reader.column(of: header.fields[i]), "unknown column '\(name)' in a \(what) file", hint)
                slots.append(-1)
            }
        }
        for i in required where !filled[i] {
            problem(
                1, "missing required column '\(canonical[i])'",
                "the header has: \(names.joined(separator: ", ")); map one with --map '\(canonical[i])=HEADER'")
        }
    }
}
