using System.Text;

namespace StrategyLint.IO;

/// <summary>Why a file was not read.</summary>
internal enum ReadProblemKind
{
    Missing,
    /// <summary>The file, or a folder on its path, is a symbolic link and links are not followed.</summary>
    SymbolicLink,
    /// <summary>A link whose target is outside the repository (refused even with --follow-symlinks).</summary>
    LinkOutside,
    /// <summary>A link into the repository's .git folder (refused even with --follow-symlinks).</summary>
    LinkIntoGit,
    /// <summary>A link that loops, or a chain of more than <see cref="SafeFileReader.MaxLinkHops"/> links.</summary>
    LinkLoop,
    /// <summary>The path is inside a .git folder.</summary>
    InsideGit,
    /// <summary>A folder where a file was expected.</summary>
    Folder,
    /// <summary>A FIFO, socket or device: never opened.</summary>
    NotRegular,
    /// <summary>Larger than the limit: <see cref="ReadProblem.Size"/> says how large.</summary>
    TooLarge,
    /// <summary>The file opened is not the one checked (it was replaced in between).</summary>
    Changed,
    /// <summary>The operating system refused (permissions, an I/O error).</summary>
    Failed,
}

/// <summary>
/// Why a file was not read: <see cref="Reason"/> is a sentence fragment that follows the file's name ("is a symbolic
/// link; …"), ends with a full stop, and never quotes the file's content or a link's target.
/// </summary>
internal sealed record ReadProblem(ReadProblemKind Kind, string Reason)
{
    /// <summary>For <see cref="ReadProblemKind.TooLarge"/>: the size in bytes (at least the limit plus one).</summary>
    public long Size { get; init; }

    /// <summary>For <see cref="ReadProblemKind.TooLarge"/>, when asked for: the first bytes, for a fingerprint of line 1.</summary>
    public byte[]? Head { get; init; }
}

/// <summary>The bytes of a file, or why it was not read.</summary>
internal sealed record ReadResult(byte[]? Bytes, ReadProblem? Problem)
{
    public static ReadResult Of(ReadProblem problem) => new(null, problem);
}

/// <summary>
/// The one way StrategyLint reads a file from the working tree: drafts, configurations, packs, <c>.editorconfig</c>,
/// C# rule files, baselines. Everything in a pull request is hostile, so a read
/// <list type="bullet">
/// <item>refuses a path through a <c>.git</c> folder, and a symbolic link in any component below the repository root
/// (the file itself or a folder on its way), unless the policy follows links and the fully resolved target stays
/// inside the repository and outside its <c>.git</c> folder (a link to /etc/hostname, ../.git/config, /dev/zero or a
/// loop is refused whatever the policy);</item>
/// <item>looks at the entry before opening it (lstat: <see cref="FileProbe"/>) and opens only a regular file: a FIFO
/// would block the open, a device such as /dev/zero never ends;</item>
/// <item>enforces the size limit before reading, then re-checks the opened handle (same file, still regular) and never
/// reads more than the limit plus one byte, so a file that grows while it is read is still bounded.</item>
/// </list>
/// Each refusal is a <see cref="ReadProblem"/> whose sentence callers turn into one diagnostic on that file
/// (SL0002 for a draft, SL0001 for a configuration, pack or <c>.editorconfig</c>).
/// </summary>
internal static class SafeFileReader
{
    /// <summary>The limit for configuration files, packs, rule files and .editorconfig: far above any real one.</summary>
    public const long ConfigLimitBytes = 4L * 1024 * 1024;

    /// <summary>The limit for a draft when no configuration says otherwise (limits.maxFileSizeMB, default 32).</summary>
    public const long DefaultDraftLimitBytes = 32L * 1024 * 1024;

    /// <summary>The bytes kept of a file that is too large, enough to fingerprint its first line as GitHub does.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The longest chain of links followed before a path counts as a loop (Linux's own limit).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>What to do about a link that was not followed.</summary>
    public const string FollowAdvice = "Commit the file itself instead of a link, or pass --follow-symlinks to follow links that stay inside the repository.";

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>Reads a regular file of at most <paramref name="limit"/> bytes under <paramref name="policy"/> (the run's by default).</summary>
    /// <param name="path">The file, absolute or relative to the process's folder.</param>
    /// <param name="limit">The most bytes accepted; a larger file is <see cref="ReadProblemKind.TooLarge"/>.</param>
    /// <param name="policy">The run's policy when null.</param>
    /// <param name="keepHead">Whether a file that is too large keeps its first <see cref="HeadBytes"/> bytes in the problem.</param>
    public static ReadResult Read(string path, long limit, ReadPolicy? policy = null, bool keepHead = false)
    {
        limit = Math.Clamp(limit, 0, Array.MaxLength - 1L);
        var (open, problem) = Resolve(path, policy);
        if (problem is not null)
            return ReadResult.Of(problem);
        try
        {
            var entry = FileProbe.Probe(open!);
            if (KindProblem(entry.Kind) is { } refused)
                return ReadResult.Of(refused);
            if (entry.Size > limit)
                return ReadResult.Of(TooLarge(entry.Size, limit, keepHead ? ReadBounded(open!, entry, HeadBytes - 1).Bytes : null));
            // A FIFO, socket or device reports no bytes: where the kind is unknown, an empty entry is never opened.
            if (entry.Kind == EntryKind.Unknown && entry.Size == 0)
                return new ReadResult([], null);
            var (bytes, size, changed) = ReadBounded(open!, entry, limit);
            if (changed is not null)
                return ReadResult.Of(changed);
            return bytes!.LongLength > limit
                ? ReadResult.Of(TooLarge(size, limit, keepHead ? bytes[..(int)Math.Min(bytes.LongLength, HeadBytes)] : null))
                : new ReadResult(bytes, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Of(ex is FileNotFoundException or DirectoryNotFoundException
                ? Missing()
                : new ReadProblem(ReadProblemKind.Failed, $"cannot be opened: {ex.Message.TrimEnd('.')}."));
        }
    }

    /// <summary>Reads a text file (UTF-8 unless a byte-order mark says otherwise), as <see cref="File.ReadAllText(string)"/> would.</summary>
    public static (string? Text, ReadProblem? Problem) ReadText(string path, long limit = ConfigLimitBytes, ReadPolicy? policy = null)
    {
        var read = Read(path, limit, policy);
        if (read.Bytes is not { } bytes)
            return (null, read.Problem);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (reader.ReadToEnd(), null);
    }

    /// <summary>
    /// Checks the path of a file or folder without opening it: no <c>.git</c> component, no link below the repository
    /// root unless followed and kept inside. Returns the path to open (links resolved when followed) or the problem.
    /// </summary>
    public static (string? Path, ReadProblem? Problem) Resolve(string path, ReadPolicy? policy = null)
    {
        policy ??= ReadPolicy.Current;
        var full = Path.GetFullPath(path);
        string? link = null;
        try
        {
            if (IsInside(full, policy.Root))
            {
                var current = policy.Root;
                foreach (var part in Path.GetRelativePath(policy.Root, full).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part == ".")
                        continue;
                    if (part.Equals(RepositoryRoot.GitEntry, StringComparison.OrdinalIgnoreCase))
                        return (null, new ReadProblem(ReadProblemKind.InsideGit, "is inside the repository's .git folder, which StrategyLint never reads."));
                    current = Path.Combine(current, part);
                    if (link is null && IsLink(current))
                        link = current;
                }
            }
            else if (IsLink(full))
            {
                link = full;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new ReadProblem(ReadProblemKind.Failed, $"cannot be opened: {ex.Message.TrimEnd('.')}."));
        }
        if (link is null)
            return (full, null);

        var via = PathEquals(link, full) ? null : Shown(Path.GetRelativePath(policy.Root, link));
        var subject = via is null ? "is a symbolic link" : $"is in '{via}', which is a symbolic link";
        if (!policy.FollowLinks)
            return (null, new ReadProblem(ReadProblemKind.SymbolicLink, $"{subject}; StrategyLint does not follow links by default, so it was not read. {FollowAdvice}"));
        var real = RealPath(full);
        if (real is null)
            return (null, new ReadProblem(ReadProblemKind.LinkLoop, $"{subject} that loops (it leads back to itself, or through more than {MaxLinkHops} links), so it was not followed."));
        if (!IsInside(real, policy.RealRoot))
            return (null, new ReadProblem(ReadProblemKind.LinkOutside, $"{subject} to a place outside the repository; StrategyLint never reads outside the repository, even with --follow-symlinks, so it was not read."));
        if (HasGitComponent(Path.GetRelativePath(policy.RealRoot, real)))
            return (null, new ReadProblem(ReadProblemKind.LinkIntoGit, $"{subject} into the repository's .git folder, which StrategyLint never reads, even with --follow-symlinks."));
        return (real, null);
    }

    /// <summary>Whether anything is at <paramref name="path"/> that is not a real folder: a file, a FIFO, a device, or a link (even a dangling one).</summary>
    public static bool EntryExists(string path)
    {
        try
        {
            return File.Exists(path) || IsLink(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (or a junction).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// The path with every link resolved, as realpath(3) does but without needing the file to exist, or null when the
    /// links loop or chain more than <see cref="MaxLinkHops"/> times.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops)
                return null;
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            Push(pending, target);
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var trimmed = folder.Length > (Path.GetPathRoot(folder)?.Length ?? 0) ? folder.TrimEnd(Separators) : folder;
        if (path.Equals(trimmed, PathComparison))
            return true;
        var prefix = Separators.Contains(trimmed[^1]) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    /// <summary>Whether a relative path goes through a .git folder.</summary>
    public static bool HasGitComponent(string relative) =>
        relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(p => p.Equals(RepositoryRoot.GitEntry, StringComparison.OrdinalIgnoreCase));

    /// <summary>A name for messages: forward slashes, control characters replaced, so a hostile file name cannot forge output.</summary>
    public static string Shown(string relative) =>
        string.Concat(relative.Replace('\\', '/').Select(c => char.IsControl(c) ? '\uFFFD' : c));

    private static bool PathEquals(string a, string b) => a.Equals(b, PathComparison);

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
    }

    private static ReadProblem Missing() => new(ReadProblemKind.Missing, "does not exist.");

    private static ReadProblem? KindProblem(EntryKind kind) => kind switch
    {
        EntryKind.Missing => Missing(),
        EntryKind.Directory => new ReadProblem(ReadProblemKind.Folder, "is a folder, not a file."),
        // Only after a race (the path was checked a moment ago): never open it.
        EntryKind.Link => new ReadProblem(ReadProblemKind.SymbolicLink, $"is a symbolic link; StrategyLint does not follow links by default, so it was not read. {FollowAdvice}"),
        EntryKind.NamedPipe => NotRegular("a named pipe (FIFO)"),
        EntryKind.Socket => NotRegular("a socket"),
        EntryKind.Device => NotRegular("a device"),
        _ => null,
    };

    private static ReadProblem NotRegular(string what) =>
        new(ReadProblemKind.NotRegular, $"is {what}, not a regular file; StrategyLint reads only regular files, so it was not opened.");

    /// <summary>The problem of a file of <paramref name="size"/> bytes over <paramref name="limit"/>.</summary>
    public static ReadProblem TooLarge(long size, long limit, byte[]? head) =>
        new(ReadProblemKind.TooLarge, $"is {Megabytes(size)} MB, more than the limit of {Megabytes(limit)} MB, so it was not read.") { Size = size, Head = head };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens the checked file, makes sure the handle is that same regular file, and reads at most
    /// <paramref name="limit"/> + 1 bytes. Returns the bytes, the size the file reports, or the problem.
    /// </summary>
    private static (byte[]? Bytes, long Size, ReadProblem? Problem) ReadBounded(string path, EntryInfo checkedEntry, long limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var opened = FileProbe.Probe(handle);
        var same = !checkedEntry.HasIdentity || !opened.HasIdentity || (checkedEntry.Inode == opened.Inode && checkedEntry.Device == opened.Device);
        if (opened.Kind is not (EntryKind.Regular or EntryKind.Unknown) || !same)
            return (null, 0, new ReadProblem(ReadProblemKind.Changed, "changed while it was being opened (it is no longer the regular file that was checked), so it was not read."));

        var cap = limit + 1;
        var buffer = new byte[(int)Math.Clamp(Math.Max(opened.Size, checkedEntry.Size) + 1, 1, cap)];
        long total = 0;
        while (total < cap)
        {
            if (total == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.LongLength * 2, 4096), cap));
            var read = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
            if (read == 0)
                break;
            total += read;
        }
        if (total != buffer.Length)
            Array.Resize(ref buffer, (int)total);
        return (buffer, Math.Max(total, opened.Size), null);
    }
}
