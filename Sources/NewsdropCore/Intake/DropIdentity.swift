/// Who a dropped file was on disk when it was read: enough to recognise the same drop after a
/// crash between its commit and its removal from the drop folder, so that it is removed instead
/// of being ingested again as a duplicate.
public struct DropIdentity: Sendable, Hashable, Codable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var modifiedNanoseconds: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    enum CodingKeys: String, CodingKey {
        case device = "dev", inode = "ino", size, modifiedNanoseconds = "mtime_ns"
    }
}
