using System.Runtime.InteropServices;

namespace StrategyLint.IO;

/// <summary>What a path names on disk, looked at without following a symbolic link at its end.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    Fifo,
    BlockDevice,
    Socket,

    /// <summary>The path could not be examined (no permission to look, or a platform without a way to tell).</summary>
    Unknown,
}

/// <summary>
/// Tells a regular file from a device, a FIFO or a link. .NET has no public API for the file type (its
/// <see cref="FileAttributes"/> calls <c>/dev/null</c> a normal file), and the difference decides whether a write may
/// rename over the path: doing that to a device node as root replaces <c>/dev/null</c> with a file for the whole
/// machine. On Linux this asks <c>statx</c> (whose buffer layout is the same on every architecture); elsewhere on Unix
/// the runtime's own <c>lstat</c> shim; on Windows the managed file attributes.
/// </summary>
internal static class FileKinds
{
    /// <summary>The kind of <paramref name="path"/> itself: a link is <see cref="FileKind.SymbolicLink"/>, not what it points to.</summary>
    public static FileKind Of(string path) => Examine(path, followLinks: false);

    /// <summary>The kind of what <paramref name="path"/> finally names, following links.</summary>
    public static FileKind Resolved(string path) => Examine(path, followLinks: true);

    private static FileKind Examine(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
            return Managed(path, followLinks);
        if (OperatingSystem.IsLinux() && Statx(path, followLinks) is { } kind)
            return kind;
        return RuntimeStat(path, followLinks) ?? Managed(path, followLinks);
    }

    // ---- Linux: statx(2), through FileProbe (one wrapper for the whole tool) ---------------------------------------

    private static FileKind? Statx(string path, bool followLinks)
    {
        if (!FileProbe.KnowsKinds)
            return null;
        var entry = FileProbe.Probe(path, followLinks);
        return entry.Kind == EntryKind.Missing ? FileKind.Missing
            : entry.TypeBits != 0 ? FromMode((uint)entry.TypeBits)
            : FileKind.Unknown;
    }

    // ---- Other Unix: the runtime's SystemNative_Stat / SystemNative_LStat ------------------------------------------

    // The runtime's FileStatus starts { int Flags; int Mode; … } with the mode's type bits in the POSIX values on every platform.
    private const int RuntimeModeOffset = 4;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int NativeLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);

    private static bool _noRuntimeStat;

    private static FileKind? RuntimeStat(string path, bool followLinks)
    {
        if (_noRuntimeStat)
            return null;
        var buffer = new byte[512];
        try
        {
            if ((followLinks ? NativeStat(path, buffer) : NativeLStat(path, buffer)) != 0)
                return File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null ? FileKind.Unknown : FileKind.Missing;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _noRuntimeStat = true;
            return null;
        }
        return FromMode((uint)BitConverter.ToInt32(buffer, RuntimeModeOffset));
    }

    // FileStatus continues { …; uint Uid; uint Gid; … } after the mode.
    private const int RuntimeUidOffset = 8;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static extern uint NativeGetEUid();

    /// <summary>
    /// Who owns <paramref name="path"/> itself (a link is not followed) and who this process runs as; null on Windows
    /// or when it cannot be told. A folder whose code the next run loads (the compiled-rule cache) must be this user's.
    /// </summary>
    public static (uint Owner, uint Current)? Ownership(string path)
    {
        if (OperatingSystem.IsWindows() || _noRuntimeStat)
            return null;
        try
        {
            if (FileProbe.KnowsKinds && FileProbe.Probe(path).Owner is { } owner)
                return (owner, NativeGetEUid());
            var buffer = new byte[512];
            if (NativeLStat(path, buffer) != 0)
                return null;
            return (BitConverter.ToUInt32(buffer, RuntimeUidOffset), NativeGetEUid());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static FileKind FromMode(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x1000 => FileKind.Fifo,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    // ---- Fallback: managed attributes (Windows, or a Unix where neither call is available) ---------------------------

    private static FileKind Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
            return FileKind.SymbolicLink;
        if (followLinks && info.LinkTarget is not null)
        {
            try
            {
                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }
            catch (IOException)
            {
                return FileKind.Unknown;
            }
        }
        if (Directory.Exists(info.FullName))
            return FileKind.Directory;
        if (!File.Exists(info.FullName))
            return FileKind.Missing;
        // Without a file type a device under /dev cannot be told from a file: never rename over one.
        return !OperatingSystem.IsWindows() && info.FullName.StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.CharacterDevice : FileKind.Regular;
    }
}
