using System.Security.Cryptography;

namespace StrategyLint.IO;

/// <summary>How one write ended.</summary>
internal enum FileWriteStatus
{
    Written,

    /// <summary>Not written on purpose: a link, a folder, a device that must not be replaced, or an existing file without overwrite.</summary>
    Refused,

    /// <summary>The file changed on disk after it was read (<see cref="AtomicFileWriter.ReplaceIfUnchanged"/>).</summary>
    Changed,

    /// <summary>The system refused the write: a read-only folder, a full disk, no permission.</summary>
    Failed,
}

/// <summary>What became of one write: the status, and for anything but <see cref="FileWriteStatus.Written"/> a
/// plain-language reason that reads after "… was not written: ".</summary>
internal sealed record FileWriteResult(FileWriteStatus Status, string? Problem = null)
{
    public static readonly FileWriteResult Done = new(FileWriteStatus.Written);

    public bool Written => Status == FileWriteStatus.Written;
}

/// <summary>Where a write may go and how.</summary>
internal sealed record FileWriteOptions
{
    /// <summary>
    /// The folder a pull request controls: the working folder, widened to the git work tree around it. Inside it no
    /// link is written through, whether the target itself or a folder on the way to it, because a committed link can
    /// point anywhere (<c>.git/hooks</c>, a file outside the checkout). Outside it the command line chose the path,
    /// and only a link to a device or FIFO (<c>/dev/stdout</c>) is followed. Null: no folder is special (the cache).
    /// </summary>
    public string? WorkTree { get; init; }

    /// <summary>Replace an existing file; false leaves an existing file as it is (<c>init</c> without <c>--force</c>).</summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>Create missing folders on the way to the target (never through a link inside the work tree).</summary>
    public bool CreateFolders { get; init; }

    /// <summary>The options for a run in <paramref name="workingDirectory"/>: its git work tree is the protected folder.</summary>
    public static FileWriteOptions For(string workingDirectory) => new() { WorkTree = AtomicFileWriter.WorkTreeOf(workingDirectory) };
}

/// <summary>
/// The one way StrategyLint writes a file (<c>--fix</c>, <c>--output</c>, the job summary, <c>init</c>,
/// <c>baseline</c>, the compiled-rule cache). A regular file is replaced atomically: the new bytes go to a temporary
/// file with a random name in the same folder, created exclusively so an existing name (a planted link) is never
/// opened, then renamed over the target, keeping its permissions. A character device or FIFO (<c>/dev/null</c>,
/// <c>/dev/stdout</c>, a named pipe) is opened and written in place, never replaced: renaming a file over
/// <c>/dev/null</c> as root breaks every later <c>&gt; /dev/null</c> on the machine. A link inside the work tree is
/// never written through. Nothing here throws for an IO problem: each write returns its outcome, so a caller can
/// skip one file with a message and go on.
/// </summary>
internal static class AtomicFileWriter
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static FileWriteResult Write(string path, byte[] bytes, FileWriteOptions? options = null) =>
        Write(path, stream => stream.Write(bytes), options);

    /// <summary>Writes what <paramref name="write"/> puts in the stream to <paramref name="path"/>.</summary>
    public static FileWriteResult Write(string path, Action<Stream> write, FileWriteOptions? options = null)
    {
        options ??= new FileWriteOptions();
        var full = Path.GetFullPath(path);
        return Guarded(full, null, () =>
        {
            if (Prepare(full, options, out var kind) is { } refused)
                return refused;
            return kind is FileKind.CharacterDevice or FileKind.Fifo or FileKind.SymbolicLink
                ? WriteInPlace(full, write, append: false)
                : Replace(full, write, kind, options);
        });
    }

    /// <summary>Appends to <paramref name="path"/> (creating it when missing): the job summary, which other steps share.</summary>
    public static FileWriteResult Append(string path, Action<Stream> write, FileWriteOptions? options = null)
    {
        options ??= new FileWriteOptions();
        var full = Path.GetFullPath(path);
        return Guarded(full, null, () =>
        {
            if (Prepare(full, options, out var kind) is { } refused)
                return refused;
            return WriteInPlace(full, write, append: kind is FileKind.Regular or FileKind.Missing);
        });
    }

    /// <summary>
    /// Replaces the regular file at <paramref name="path"/> with <paramref name="bytes"/> only if it still holds
    /// exactly <paramref name="expected"/>: <c>--fix</c> computed its edits on those bytes, and applying them to a file
    /// someone edited meanwhile would corrupt it.
    /// </summary>
    public static FileWriteResult ReplaceIfUnchanged(string path, byte[] expected, byte[] bytes, FileWriteOptions? options = null)
    {
        options ??= new FileWriteOptions();
        var full = Path.GetFullPath(path);
        return Guarded(full, null, () =>
        {
            if (Prepare(full, options, out var kind) is { } refused)
                return refused;
            if (kind != FileKind.Regular)
                return new FileWriteResult(FileWriteStatus.Refused, kind == FileKind.Missing ? "it was removed after it was read." : $"it is {Describe(kind)}, not a regular file.");
            if (!File.ReadAllBytes(full).AsSpan().SequenceEqual(expected))
                return new FileWriteResult(FileWriteStatus.Changed, "it changed since it was read; run --fix again.");
            return Replace(full, stream => stream.Write(bytes), kind, options);
        });
    }

    /// <summary>The git work tree around <paramref name="workingDirectory"/> (the nearest folder above with a .git), or the folder itself.</summary>
    public static string WorkTreeOf(string workingDirectory)
    {
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
        for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return folder;
        }
        return start;
    }

    // ---- checks ---------------------------------------------------------------------------------------------------

    /// <summary>Refuses what must not be written; creates missing folders when asked. The kind is of the path itself.</summary>
    private static FileWriteResult? Prepare(string full, FileWriteOptions options, out FileKind kind)
    {
        kind = FileKind.Unknown;
        var folder = Path.GetDirectoryName(full);
        if (folder is null)
            return Refuse("it is not a file path.");
        var inside = options.WorkTree is { } tree && IsInside(full, tree);
        if (inside && LinkedFolder(folder, options.WorkTree!) is { } link)
            return Refuse($"the folder '{link}' on the way to it is a symbolic link, and a link in the checkout could point anywhere (.git/hooks, a file outside the checkout). Write to a path without links.");
        if (options.CreateFolders && !Directory.Exists(folder))
            Directory.CreateDirectory(folder);

        kind = FileKinds.Of(full);
        switch (kind)
        {
            case FileKind.SymbolicLink when inside:
                return Refuse("it is a symbolic link, and a link in the checkout could point anywhere (.git/hooks, a file outside the checkout), so StrategyLint never writes through one. Remove the link, or write to another path.");
            case FileKind.SymbolicLink:
                // Outside the checkout the command line chose the path: follow a link only to a device or pipe (/dev/stdout).
                var target = FileKinds.Resolved(full);
                return target is FileKind.CharacterDevice or FileKind.Fifo
                    ? null
                    : Refuse($"it is a symbolic link{(target == FileKind.Missing ? " to nothing" : "")}, and StrategyLint writes through a link only to reach a device or pipe such as /dev/stdout. Give the path of the file itself.");
            case FileKind.Directory:
                return Refuse("it is a folder. Give a file name.");
            case FileKind.BlockDevice or FileKind.Socket:
                return Refuse($"it is {Describe(kind)}, not a file.");
            case FileKind.Unknown:
                return Refuse("it cannot be examined (no permission to look at it).");
            case FileKind.Regular when !options.Overwrite:
                return Refuse("it already exists, and it was left as it is.");
            default:
                return null;
        }
    }

    /// <summary>The first folder from the work tree down to <paramref name="folder"/> that is a link, or null.</summary>
    private static string? LinkedFolder(string folder, string workTree)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workTree));
        var relative = Path.GetRelativePath(root, folder);
        if (relative == ".")
            return null;
        var current = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var kind = FileKinds.Of(current);
            if (kind == FileKind.SymbolicLink)
                return Path.GetRelativePath(root, current).Replace('\\', '/');
            if (kind == FileKind.Missing)
                return null;
        }
        return null;
    }

    private static bool IsInside(string full, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a device",
        FileKind.Fifo => "a named pipe",
        FileKind.BlockDevice => "a disk device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static FileWriteResult Refuse(string problem) => new(FileWriteStatus.Refused, problem);

    // ---- writing --------------------------------------------------------------------------------------------------

    /// <summary>A device or pipe, or the job summary: opened as it is (never created anew, never replaced).</summary>
    private static FileWriteResult WriteInPlace(string full, Action<Stream> write, bool append)
    {
        var mode = append ? FileMode.Append : FileMode.Open;
        using (var stream = new FileStream(full, new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.ReadWrite }))
            write(stream);
        return FileWriteResult.Done;
    }

    /// <summary>A regular file, or none yet: a random temporary file beside it, then a rename over it.</summary>
    private static FileWriteResult Replace(string full, Action<Stream> write, FileKind kind, FileWriteOptions options)
    {
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.tmp");
        return Guarded(full, temporary, () =>
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            UnixFileMode? keep = null;
            if (!OperatingSystem.IsWindows() && kind == FileKind.Regular)
            {
                keep = File.GetUnixFileMode(full);
                // Private until it has the original's permissions, just before the rename.
                streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temporary, streamOptions))
            {
                write(stream);
                if (keep is { } mode && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(stream.SafeFileHandle, mode);
            }
            // Look again just before the rename: the target must still be a regular file or absent.
            var now = FileKinds.Of(full);
            if (now is not (FileKind.Regular or FileKind.Missing))
                return Refuse($"it became {Describe(now)} while it was being written.");
            try
            {
                File.Move(temporary, full, overwrite: options.Overwrite);
            }
            catch (IOException) when (!options.Overwrite && FileKinds.Of(full) != FileKind.Missing)
            {
                return Refuse("it already exists, and it was left as it is.");
            }
            return FileWriteResult.Done;
        });
    }

    /// <summary>Runs a write; an IO problem becomes a <see cref="FileWriteStatus.Failed"/> outcome and the temporary file is removed.</summary>
    private static FileWriteResult Guarded(string full, string? temporary, Func<FileWriteResult> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new FileWriteResult(FileWriteStatus.Failed, Reason(ex, full, temporary));
        }
        finally
        {
            if (temporary is not null)
            {
                try
                {
                    if (FileKinds.Of(temporary) == FileKind.Regular)
                        File.Delete(temporary);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Nothing more can be done; the rename did not happen, so the target is as it was.
                }
            }
        }
    }

    /// <summary>The system's reason as a sentence, naming the target rather than the temporary file.</summary>
    private static string Reason(Exception ex, string full, string? temporary)
    {
        var message = ex.Message.TrimEnd('.');
        if (temporary is not null)
            message = message.Replace(temporary, full, StringComparison.Ordinal);
        return ex switch
        {
            UnauthorizedAccessException => "the system did not allow it: its folder is read-only, or this user may not write there.",
            DirectoryNotFoundException => "its folder does not exist.",
            _ => $"the system reported: {message}.",
        };
    }
}
