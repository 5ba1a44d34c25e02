import Testing

@Test func placeholderCompiles() { #expect(1 + 1 == 2) }
