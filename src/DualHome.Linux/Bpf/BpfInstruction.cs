using System.Runtime.InteropServices;

namespace DualHome.Linux.Bpf;

/// <summary>struct bpf_insn (Documentation/bpf/standardization/instruction-set.rst): opcode, destination register
/// in the low nibble and source register in the high nibble of one byte, a signed offset, a signed immediate.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct BpfInstruction(byte Code, byte Registers, short Offset, int Immediate)
{
    public const int Size = 8;

    public static BpfInstruction Of(byte code, int destination = 0, int source = 0, short offset = 0, int immediate = 0) =>
        new(code, (byte)((source << 4) | destination), offset, immediate);
}
