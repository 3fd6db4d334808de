import Foundation

/// Pinyin initials of names, for finding 上海星辰科技有限公司 by typing `shxc`.
///
/// Uses Foundation's ICU transform (Han to Latin) once per distinct character, cached for the life
/// of the value (an import of 100,000 names meets only a few thousand characters). Latin words and
/// numbers contribute their first character (`Acme Trading Ltd` gives `atl`). Lower-case ASCII.
public struct PinyinInitials {
    private var cache: [Unicode.Scalar: Unicode.Scalar?] = [:]

    public init() {}

    public mutating func initials(of name: String) -> String {
        var out = String.UnicodeScalarView()
        var inWord = false
        for scalar in name.unicodeScalars {
            if Self.isHan(scalar) {
                inWord = false
                if let initial = initial(of: scalar) { out.append(initial) }
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
