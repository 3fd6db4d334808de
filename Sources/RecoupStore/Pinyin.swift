import Foundation

/// Pinyin initials of names, for finding 上海星辰科技有限公司 by typing `shxc`.
///
/// Uses Foundation's ICU transform (Han to Latin) once per distinct character, cached for the life
/// of the value (an import of 100,000 names meets only a few thousand characters); two-character
/// words that ICU would read wrongly character by character come from `wordReadings`. Latin words and
/// numbers contribute their first character (`Acme Trading Ltd` gives `atl`). Lower-case ASCII.
public struct PinyinInitials {
    private var cache: [Unicode.Scalar: Unicode.Scalar?] = [:]

    public init() {}

    /// Words whose characters ICU reads wrongly one at a time (its default reading of a polyphonic
    /// character): common in company names and cities. 重庆 is cq, not zq; 银行 is yh, not yx.
    static let wordReadings: [String: String] = [
        "重庆": "cq", "长沙": "cs", "长春": "cc", "长城": "cc", "长江": "cj", "长安": "ca", "长治": "cz",
        "厦门": "xm", "银行": "yh", "行业": "hy", "商行": "sh", "车行": "ch", "琴行": "qh", "蚌埠": "bb",
        "六安": "la", "乐山": "ls", "乐清": "yq", "音乐": "yy", "快乐": "kl", "朝阳": "cy", "单县": "sx",
        "曾经": "cj", "会计": "kj", "重工": "zg", "重型": "zx", "重量": "zl", "尉氏": "ws", "茄子": "qz",
    ]

    public mutating func initials(of name: String) -> String {
        var out = String.UnicodeScalarView()
        var inWord = false
        let scalars = Array(name.unicodeScalars)
        var skip = 0
        for (i, scalar) in scalars.enumerated() {
            if skip > 0 { skip -= 1; continue }
            if Self.isHan(scalar) {
                inWord = false
                if i + 1 < scalars.count,
                   let reading = Self.wordReadings[String(String.UnicodeScalarView(scalars[i...i + 1]))] {
                    out.append(contentsOf: reading.unicodeScalars)
                    skip = 1
                } else if let initial = initial(of: scalar) { out.append(initial) }
            } else if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))) {
                if !inWord { out.append(contentsOf: String(scalar).lowercased().unicodeScalars) }
                inWord = true
            } else {
                inWord = false
            }
        }
        return String(out)
    }

    private mutating func initial(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let known = cache[scalar] { return known }
        let latin = String(scalar).applyingTransform(.mandarinToLatin, reverse: false)
            .flatMap { $0.applyingTransform(.stripDiacritics, reverse: false) } ?? ""
        let first = latin.lowercased().unicodeScalars.first { $0.isASCII && $0.properties.isAlphabetic }
        cache[scalar] = first
        return first
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }
}
