import Foundation

/// Where the dictionaries live on this machine.
public enum DictionaryLocation: Sendable {
    /// The local override folder, read after the shipped one when it exists.
    public static let overrideDirectory = "/etc/newsdrop/dictionaries.d"

    /// The folders to load, in order: `$NEWSDROP_DICTIONARIES` (colon-separated) when set;
    /// otherwise the first existing of `<prefix>/share/newsdrop/dictionaries` (walking up from the
    /// executable's folder: `/usr/bin/newsdropd` → `/usr/share/newsdrop/dictionaries`) or a
    /// `dictionaries/` folder in an ancestor (a development checkout); then
    /// `/etc/newsdrop/dictionaries.d` when it exists.
    public static func defaultDirectories(executablePath: String, environment: [String: String]) -> [String] {
        if let env = environment["NEWSDROP_DICTIONARIES"], !env.isEmpty {
            return env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        let fm = FileManager.default
        func isDir(_ p: String) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: p, isDirectory: &d) && d.boolValue
        }
        var out: [String] = []
        var dir = (executablePath as NSString).deletingLastPathComponent
        if dir.isEmpty { dir = fm.currentDirectoryPath }
        var guard_ = 0
        while guard_ < 32 {
            guard_ += 1
            let installed = (dir as NSString).appendingPathComponent("share/newsdrop/dictionaries")
            if isDir(installed) { out.append(installed); break }
            let dev = (dir as NSString).appendingPathComponent("dictionaries")
            if isDir(dev) && fm.fileExists(atPath: (dev as NSString).appendingPathComponent("actors.tsv")) { out.append(dev); break }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        if out.isEmpty { out.append("/usr/share/newsdrop/dictionaries") }
        if isDir(overrideDirectory) { out.append(overrideDirectory) }
        return out
    }
}
