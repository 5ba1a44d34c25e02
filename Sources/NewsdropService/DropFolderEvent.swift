/// What the ``DropFolderWatcher`` reports about the drop folder.
public enum DropFolderEvent: Sendable, Hashable {
    /// A name in the drop folder worth looking at: a file was closed after writing, or an entry
    /// was renamed (or moved) in. Temporary names (``DropFolderWatcher/isTemporaryName(_:)``)
    /// are never reported. The entry may be gone, a folder, a symlink or a special file by the
    /// time it is looked at: check it with `lstat` (``SettledFileCheck``) before reading.
    case candidate(String)
    /// Events were lost (the kernel's inotify queue overflowed, or the watcher's buffer was
    /// full): list the folder again with ``DropFolderWatcher/scan()`` and take what is there.
    /// It stands for every candidate that was not delivered.
    case rescanNeeded
    /// The drop folder itself was deleted, moved away or unmounted; no more events come until
    /// the caller recreates it (if allowed), calls ``DropFolderWatcher/rewatch()`` and scans.
    case folderRemoved
}
