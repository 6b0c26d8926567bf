using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>
/// The file type of a path, which System.IO does not expose: the control socket must tell a stale
/// socket (safe to delete) from a regular file someone pointed Control.Socket at (never delete).
/// </summary>
public static class FileKinds
{
    // inode(7): S_IFMT and the type values, octal in the man page.
    private const int S_IFMT = 0xF000;   // 0170000
    private const int S_IFSOCK = 0xC000; // 0140000
    private const int S_IFLNK = 0xA000;  // 0120000
    private const int S_IFREG = 0x8000;  // 0100000
    private const int S_IFDIR = 0x4000;  // 0040000
    private const int ENOTDIR = 20;      // asm-generic/errno-base.h

    /// <summary>lstat semantics: a symbolic link is reported as such, not followed.</summary>
    /// <exception cref="NativeErrorException">statx failed for another reason than a missing path (e.g. EACCES).</exception>
    public static FileKind Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Libc.Statx(Libc.AT_FDCWD, path, Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE, out var buffer) == 0)
        {
            return FromMode(buffer.Mode);
        }
        var error = NativeErrorException.FromLastError($"statx({path})");
        return error.Errno is Errno.ENOENT or ENOTDIR ? FileKind.Missing : throw error;
    }

    private static FileKind FromMode(int mode) => (mode & S_IFMT) switch
    {
        S_IFREG => FileKind.Regular,
        S_IFDIR => FileKind.Directory,
        S_IFLNK => FileKind.SymbolicLink,
        S_IFSOCK => FileKind.Socket,
        _ => FileKind.Other,
    };
}
