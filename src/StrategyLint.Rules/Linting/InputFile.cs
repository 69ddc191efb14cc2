using StrategyLint.IO;

namespace StrategyLint.Linting;

/// <summary>A file to lint: a path on disk, or standard input (read through <see cref="ReadStdin"/>).</summary>
internal sealed record InputFile(string DisplayPath, string? FullPath, Func<byte[]>? ReadStdin = null)
{
    /// <summary>
    /// Why the input resolver refused this path without reading it (a link to a folder, a walk that would loop);
    /// null for a file to read.
    /// </summary>
    public ReadProblem? Refused { get; init; }

    /// <summary>The policy the file is read under; the run's current one when null.</summary>
    public ReadPolicy? Policy { get; init; }

    /// <summary>The most bytes <see cref="ReadAllBytes"/> accepts (the configuration's limits.maxFileSizeMB).</summary>
    public long MaxBytes { get; init; } = SafeFileReader.DefaultDraftLimitBytes;

    /// <summary>The file's bytes through <see cref="SafeFileReader"/>, or why they were not read.</summary>
    public ReadResult Read(long limit)
    {
        if (Refused is { } refused)
            return ReadResult.Of(refused);
        if (ReadStdin is null)
            return SafeFileReader.Read(FullPath!, limit, Policy, keepHead: true);
        var bytes = ReadStdin();
        return bytes.LongLength > limit
            ? ReadResult.Of(SafeFileReader.TooLarge(bytes.LongLength, limit, bytes[..(int)Math.Min(bytes.LongLength, SafeFileReader.HeadBytes)]))
            : new ReadResult(bytes, null);
    }

    /// <summary>The file's bytes, at most <see cref="MaxBytes"/>; an <see cref="IOException"/> saying why when it cannot be read.</summary>
    public byte[] ReadAllBytes()
    {
        var read = Read(MaxBytes);
        return read.Bytes ?? throw new IOException($"{DisplayPath} {read.Problem!.Reason}");
    }
}
