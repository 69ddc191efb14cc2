using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace StrategyLint.IO;

/// <summary>What a directory entry is, seen without following a link and without opening it.</summary>
internal enum EntryKind
{
    /// <summary>Nothing at this path.</summary>
    Missing,
    /// <summary>A regular file: the only kind StrategyLint reads.</summary>
    Regular,
    Directory,
    /// <summary>A symbolic link (or, on Windows, a junction).</summary>
    Link,
    /// <summary>A FIFO: opening it for reading blocks until a writer comes.</summary>
    NamedPipe,
    Socket,
    /// <summary>A character or block device, such as /dev/zero (endless) or a disk.</summary>
    Device,
    /// <summary>Neither a link nor a folder, of a type this platform does not report (see <see cref="FileProbe"/>).</summary>
    Unknown,
}

/// <summary>
/// An entry's kind, size and identity (device and inode, where the platform gives them); from statx also the raw
/// file-type bits of its mode (telling a character device from a block device) and its owner.
/// </summary>
internal readonly record struct EntryInfo(EntryKind Kind, long Size, ulong Device = 0, ulong Inode = 0, int TypeBits = 0, uint? Owner = null)
{
    public bool HasIdentity => Inode != 0;
}

/// <summary>
/// lstat for .NET. The managed file APIs report links and folders, but not whether an entry is a FIFO, a socket or
/// a device: all of them look like empty files, and opening a FIFO to find out blocks the run. On Linux the kind comes
/// from <c>statx</c> (its buffer has one layout on every architecture), called through the C library; elsewhere, or when
/// <c>statx</c> is unavailable (an old C library, a sandbox that refuses the call), an entry that is neither a link nor a
/// folder is <see cref="EntryKind.Unknown"/>, and <see cref="SafeFileReader"/> then never opens it when it reports no
/// bytes (FIFOs, sockets and devices report none), so nothing blocks and nothing endless is read.
/// </summary>
internal static class FileProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtNoAutomount = 0x800;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxBufferSize = 256;

    // File type bits of st_mode (S_IFMT and its values), the same on every Unix.
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeLink = 0xA000;
    private const int TypeSocket = 0xC000;

    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int StatxFunction(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static readonly Lazy<StatxFunction?> Statx = new(LoadStatx);

    /// <summary>Whether kinds come from the operating system (Linux <c>statx</c>) rather than the managed fallback.</summary>
    public static bool KnowsKinds => Statx.Value is not null;

    /// <summary>The entry at <paramref name="path"/>, not following a link in its last component.</summary>
    public static EntryInfo Probe(string path) => Probe(path, followLinks: false);

    /// <summary>The entry at <paramref name="path"/>, or what a link there finally names when <paramref name="followLinks"/>.</summary>
    public static EntryInfo Probe(string path, bool followLinks)
    {
        if (Statx.Value is { } statx)
        {
            var buffer = new byte[StatxBufferSize];
            if (statx(AtFdCwd, path, (followLinks ? 0 : AtSymlinkNoFollow) | AtNoAutomount, StatxBasicStats, buffer) == 0)
                return Decode(buffer);
            var error = Marshal.GetLastPInvokeError();
            if (error is NoSuchFile or NotADirectory)
                return new EntryInfo(EntryKind.Missing, 0);
            // Anything else (permissions, a refused call): the managed view below still says link, folder or file.
        }
        return Managed(path);
    }

    /// <summary>The file an open handle refers to (fstat), or <see cref="EntryKind.Unknown"/> where the platform cannot say.</summary>
    public static EntryInfo Probe(SafeFileHandle handle)
    {
        if (Statx.Value is { } statx)
        {
            var buffer = new byte[StatxBufferSize];
            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                if (statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxBasicStats, buffer) == 0)
                    return Decode(buffer);
            }
            finally
            {
                if (added)
                    handle.DangerousRelease();
            }
        }
        return new EntryInfo(OperatingSystem.IsWindows() ? EntryKind.Regular : EntryKind.Unknown, RandomAccess.GetLength(handle));
    }

    private static EntryInfo Decode(byte[] buffer)
    {
        // struct statx: stx_uid (u32) at 20, stx_mode (u16) at 28, stx_ino (u64) at 32, stx_size (u64) at 40,
        // stx_dev_major/minor (u32) at 136/140.
        var owner = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(20));
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & TypeMask;
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
        var size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40)), long.MaxValue);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        var kind = mode switch
        {
            TypeRegular => EntryKind.Regular,
            TypeDirectory => EntryKind.Directory,
            TypeLink => EntryKind.Link,
            TypeFifo => EntryKind.NamedPipe,
            TypeSocket => EntryKind.Socket,
            TypeCharDevice or TypeBlockDevice => EntryKind.Device,
            _ => EntryKind.Unknown,
        };
        return new EntryInfo(kind, size, device, inode, mode, owner);
    }

    private static EntryInfo Managed(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
                return new EntryInfo(EntryKind.Link, 0);
            if (Directory.Exists(path))
                return new EntryInfo(EntryKind.Directory, 0);
            if (!info.Exists)
                return new EntryInfo(EntryKind.Missing, 0);
            // Windows has no FIFOs or device nodes in a checkout; elsewhere the kind is not known here.
            return new EntryInfo(OperatingSystem.IsWindows() ? EntryKind.Regular : EntryKind.Unknown, info.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Size unknown: the reader opens it and reports why it cannot (never an empty file by mistake).
            return new EntryInfo(EntryKind.Unknown, -1);
        }
    }

    private static StatxFunction? LoadStatx()
    {
        if (!OperatingSystem.IsLinux() || !BitConverter.IsLittleEndian)
            return null;
        foreach (var name in new[] { "libc.so.6", "libc" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "statx", out var address))
            {
                var statx = Marshal.GetDelegateForFunctionPointer<StatxFunction>(address);
                // One call on a folder that always exists proves the call works here (a sandbox may refuse it).
                var buffer = new byte[StatxBufferSize];
                return statx(AtFdCwd, "/", AtSymlinkNoFollow, StatxBasicStats, buffer) == 0 && Decode(buffer).Kind == EntryKind.Directory ? statx : null;
            }
        }
        return null;
    }
}
