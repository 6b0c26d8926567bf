using DualHome.Linux.Bpf;

namespace DualHome.Linux.Tests.Bpf;

/// <summary>The ingress drop program, instruction by instruction (opcode, dst/src registers, offset, immediate), as
/// the kernel's verifier accepted it on 6.18 (IngressDropIntegrationTests loads it).</summary>
public sealed class IngressDropProgramTests
{
    private static readonly string[] Golden =
    [
        "bf 16 0000 00000000", // r6 = r1 (the __sk_buff)
        "b7 02 0000 0000000c", // r2 = 12: first byte to copy (EtherType)
        "bf a3 0000 00000000", // r3 = fp
        "07 03 0000 ffffffd0", // r3 += -48
        "b7 04 0000 0000002c", // r4 = 44 bytes
        "85 00 0000 0000001a", // call bpf_skb_load_bytes
        "55 00 001b 00000000", // if r0 != 0 goto pass (too short)
        "69 a1 ffd0 00000000", // r1 = EtherType (u16 at fp-48)
        "55 01 0019 0000dd86", // if r1 != 0x86dd (LE) goto pass
        "61 61 0004 00000000", // r1 = skb->pkt_type
        "55 01 0017 00000000", // if r1 != PACKET_HOST goto pass
        "71 a1 ffea 00000000", // r1 = destination[0]
        "15 01 0015 000000ff", // if r1 == 0xff goto pass (multicast)
        "69 a1 ffea 00000000", // r1 = destination[0..1]
        "57 01 0000 0000c0ff", // r1 &= 0xc0ff
        "15 01 0012 000080fe", // if r1 == fe80::/10 goto pass
        "69 a1 ffda 00000000", // r1 = source[0..1]
        "57 01 0000 0000c0ff", // r1 &= 0xc0ff
        "15 01 000f 000080fe", // if r1 == fe80::/10 goto pass
        "71 a1 ffd8 00000000", // r1 = next header
        "15 01 0005 00000006", // if r1 == TCP goto lookup
        "15 01 0004 00000011", // if r1 == UDP goto lookup
        "55 01 000b 0000003a", // if r1 != ICMPv6 goto pass
        "71 a1 fffa 00000000", // r1 = ICMPv6 type
        "a5 01 0001 00000085", // if r1 < 133 goto lookup
        "b5 01 0008 00000089", // if r1 <= 137 goto pass (ND)
        "18 11 0000 00000007", // lookup: r1 = map fd 7 (BPF_PSEUDO_MAP_FD)
        "00 00 0000 00000000", // (second half of the 64-bit load)
        "bf a2 0000 00000000", // r2 = fp
        "07 02 0000 ffffffea", // r2 += -22 (the destination)
        "85 00 0000 00000001", // call bpf_map_lookup_elem
        "55 00 0002 00000000", // if r0 != 0 goto pass (own address)
        "b7 00 0000 00000002", // r0 = TC_ACT_SHOT
        "95 00 0000 00000000", // exit
        "b7 00 0000 ffffffff", // pass: r0 = TCX_NEXT
        "95 00 0000 00000000", // exit
    ];

    [Fact]
    public void Program_MatchesTheGoldenListing()
    {
        var listing = IngressDropProgram.Build(7).Select(i => $"{i.Code:x2} {i.Registers:x2} {(ushort)i.Offset:x4} {(uint)i.Immediate:x8}");
        Assert.Equal(Golden, listing);
    }

    [Fact]
    public void Instructions_AreEightBytes_InTheKernelsLayout()
    {
        var code = IngressDropProgram.Build(7);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(code.AsSpan());
        Assert.Equal(code.Length * BpfInstruction.Size, bytes.Length);
        // instruction 8: "if r1 != 0xdd86 goto +25": code, dst 1 | src 0 << 4, offset, immediate, little-endian
        Assert.Equal(Convert.FromHexString("55011900" + "86dd0000"), bytes.Slice(8 * 8, 8).ToArray());
    }

    [Fact]
    public void EveryJump_LandsInsideTheProgram()
    {
        var code = IngressDropProgram.Build(7);
        for (int i = 0; i < code.Length; i++)
        {
            bool jump = (code[i].Code & 0x07) == 0x05 && code[i].Code is not (0x85 or 0x95);
            if (jump) Assert.InRange(i + 1 + code[i].Offset, 0, code.Length - 1);
        }
    }

    [Fact]
    public void UndefinedLabel_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new BpfAssembler().JumpIfEqual(1, 0, "nowhere").Exit().Build());
}
