namespace DualHome.Linux;

/// <summary>What a path names, from the S_IFMT bits of its mode (inode(7)); links are not followed.</summary>
public enum FileKind
{
    /// <summary>Nothing at the path (ENOENT, or a path component that is not a directory).</summary>
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Socket,
    /// <summary>FIFO, character or block device.</summary>
    Other,
}
