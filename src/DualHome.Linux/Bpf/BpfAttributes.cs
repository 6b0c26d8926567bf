using System.Runtime.InteropServices;

namespace DualHome.Linux.Bpf;

// union bpf_attr members (include/uapi/linux/bpf.h), each as long as this code fills: the kernel reads
// min(size, sizeof(bpf_attr)) and zero-fills the rest (bpf_check_uarg_tail_zero, "bpf(2)").

/// <summary>BPF_MAP_CREATE.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MapCreateAttributes
{
    public uint MapType;
    public uint KeySize;
    public uint ValueSize;
    public uint MaxEntries;
    public uint MapFlags;
}

/// <summary>BPF_MAP_UPDATE_ELEM / BPF_MAP_DELETE_ELEM: pointers travel as 64-bit integers.</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct MapElementAttributes
{
    [FieldOffset(0)] public uint MapFd;
    [FieldOffset(8)] public ulong Key;
    [FieldOffset(16)] public ulong Value;
    [FieldOffset(24)] public ulong Flags;
}

/// <summary>BPF_PROG_LOAD, up to expected_attach_type.</summary>
[StructLayout(LayoutKind.Explicit, Size = 72)]
internal struct ProgramLoadAttributes
{
    [FieldOffset(0)] public uint ProgramType;
    [FieldOffset(4)] public uint InstructionCount;
    [FieldOffset(8)] public ulong Instructions;
    [FieldOffset(16)] public ulong License;
    [FieldOffset(24)] public uint LogLevel;
    [FieldOffset(28)] public uint LogSize;
    [FieldOffset(32)] public ulong LogBuffer;
    [FieldOffset(40)] public uint KernelVersion;
    [FieldOffset(44)] public uint ProgramFlags;
    [FieldOffset(48)] public ulong NameLow;   // char prog_name[16]
    [FieldOffset(56)] public ulong NameHigh;
    [FieldOffset(64)] public uint ProgramInterfaceIndex;
    [FieldOffset(68)] public uint ExpectedAttachType;
}

/// <summary>BPF_LINK_CREATE for tcx: relative_fd and expected_revision stay zero (append, any revision).</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct LinkCreateAttributes
{
    [FieldOffset(0)] public uint ProgramFd;
    [FieldOffset(4)] public uint TargetInterfaceIndex;
    [FieldOffset(8)] public uint AttachType;
    [FieldOffset(12)] public uint Flags;
}
