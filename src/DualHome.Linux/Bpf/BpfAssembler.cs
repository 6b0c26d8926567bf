namespace DualHome.Linux.Bpf;

/// <summary>
/// Writes eBPF instructions with named jump targets, the few forms the ingress drop needs. Jump offsets count
/// instructions from the one after the jump (instruction-set.rst §"Jump instructions").
/// </summary>
public sealed class BpfAssembler
{
    // Opcode = operation | source (K: immediate, X: register) | class (instruction-set.rst §"Instruction classes").
    private const byte Alu64 = 0x07, Jmp = 0x05, Ldx = 0x01, Ld = 0x00;
    private const byte K = 0x00, X = 0x08, Mem = 0x60, Imm = 0x00, DoubleWord = 0x18;
    private const byte Add = 0x00, And = 0x50, Mov = 0xb0;
    private const byte Jeq = 0x10, Jne = 0x50, Jlt = 0xa0, Jle = 0xb0, Call = 0x80, ExitCode = 0x90;
    /// <summary>src_reg of a 64-bit immediate load whose value is a map file descriptor (BPF_PSEUDO_MAP_FD).</summary>
    private const int PseudoMapFd = 1;

    private readonly List<BpfInstruction> _code = [];
    private readonly Dictionary<string, int> _labels = [];
    private readonly List<(int At, string Label)> _jumps = [];

    public enum Width : byte { Byte = 0x10, Half = 0x08, Word = 0x00 }

    public BpfAssembler MovRegister(int destination, int source) => Emit(BpfInstruction.Of(Alu64 | Mov | X, destination, source));
    public BpfAssembler MovImmediate(int destination, int value) => Emit(BpfInstruction.Of(Alu64 | Mov | K, destination, immediate: value));
    public BpfAssembler AddImmediate(int destination, int value) => Emit(BpfInstruction.Of(Alu64 | Add | K, destination, immediate: value));
    public BpfAssembler AndImmediate(int destination, int value) => Emit(BpfInstruction.Of(Alu64 | And | K, destination, immediate: value));

    /// <summary>destination = *(width *)(source + offset).</summary>
    public BpfAssembler Load(Width width, int destination, int source, short offset) =>
        Emit(BpfInstruction.Of((byte)(Ldx | Mem | (byte)width), destination, source, offset));

    public BpfAssembler CallHelper(int helper) => Emit(BpfInstruction.Of(Jmp | Call, immediate: helper));
    public BpfAssembler Exit() => Emit(BpfInstruction.Of(Jmp | ExitCode));

    /// <summary>The two-slot 64-bit immediate load of a map, which the verifier turns into the map's address.</summary>
    public BpfAssembler LoadMap(int destination, int mapFd)
    {
        Emit(BpfInstruction.Of(Ld | Imm | DoubleWord, destination, PseudoMapFd, immediate: mapFd));
        return Emit(BpfInstruction.Of(0));
    }

    public BpfAssembler JumpIfEqual(int register, int value, string label) => Jump(Jeq, register, value, label);
    public BpfAssembler JumpIfNotEqual(int register, int value, string label) => Jump(Jne, register, value, label);
    public BpfAssembler JumpIfLess(int register, int value, string label) => Jump(Jlt, register, value, label);
    public BpfAssembler JumpIfLessOrEqual(int register, int value, string label) => Jump(Jle, register, value, label);

    public BpfAssembler Label(string name)
    {
        if (!_labels.TryAdd(name, _code.Count)) throw new InvalidOperationException($"label '{name}' defined twice");
        return this;
    }

    public BpfInstruction[] Build()
    {
        var code = _code.ToArray();
        foreach (var (at, label) in _jumps)
        {
            if (!_labels.TryGetValue(label, out var target)) throw new InvalidOperationException($"label '{label}' is not defined");
            code[at] = code[at] with { Offset = checked((short)(target - at - 1)) };
        }
        return code;
    }

    private BpfAssembler Jump(byte operation, int register, int value, string label)
    {
        _jumps.Add((_code.Count, label));
        return Emit(BpfInstruction.Of((byte)(Jmp | operation | K), register, immediate: value));
    }

    private BpfAssembler Emit(BpfInstruction instruction)
    {
        _code.Add(instruction);
        return this;
    }
}
