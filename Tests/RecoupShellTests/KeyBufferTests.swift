import Testing

@testable import RecoupShell

/// The Tab index's byte buffer: its prefix searches answer the same whether they scan the buffer
/// or look in the entries sorted by bytes (`sortForPrefixes`), on names in no order.
@Suite struct KeyBufferTests {
    static let names = [
        "北京东方红商贸", "上海星辰贸易有限公司", "北京东方远景科技有限公司", "acme trading co", "北京", "北",
        "上海星辰", "acme", "", "北京东方红商贸", "zeta", "北京东方红",
    ]

    @Test(arguments: ["北", "北京", "北京东方", "北京东方红商贸", "上海", "acme", "a", "z", "q", "北京东方红商贸有"])
    func sortedPrefixesFindWhatTheScanFinds(prefix: String) {
        let scanned = KeyBuffer(Self.names)
        var sorted = KeyBuffer(Self.names)
        sorted.sortForPrefixes()
        let expected = Self.names.indices.filter { Self.names[$0].utf8.starts(with: prefix.utf8) }
        for limit in [1, 3, 200] {
            let scan = scanned.search(Array(prefix.utf8), prefix: true, limit: limit)
            #expect(scan == Array(expected.prefix(limit)))
            #expect(sorted.search(Array(prefix.utf8), prefix: true, limit: limit) == scan)
        }
    }

    @Test func prefixRangesOfSortedIdsByBinarySearch() {
        let ids = (1...5000).map { "C" + String(repeating: "0", count: 6 - String($0).count) + String($0) } + ["D1"]
        let keys = KeyBuffer(ids)
        #expect(keys.prefixRange(Array("C".utf8)) == 0..<5000)
        #expect(keys.prefixRange(Array("C0049".utf8)) == 4899..<4999)  // C004900 ... C004999
        #expect(keys.prefixRange(Array("C005000".utf8)) == 4999..<5000)
        #expect(keys.prefixRange(Array("D".utf8)) == 5000..<5001)
        #expect(keys.prefixRange(Array("E".utf8)).isEmpty)
        #expect(keys.prefixRange([]) == 0..<5001)
    }
}
