namespace DualHome.Linux.Bpf;

/// <summary>
/// The tcx ingress program of packet mode (README "Packet mode"): drops a frame the forwarding workers have already
/// taken from their AF_PACKET tap, so that the kernel does not also run its IPv6 input and route lookup on it only to
/// discard it (forwarding is off) and count it as an input error. It drops only what a worker forwards or answers
/// itself, and passes (TCX_NEXT) everything the worker leaves to the kernel (Classifier, LocalTraffic): non-IPv6,
/// frames not addressed to this port's MAC, multicast, link-local source or destination, the router's own addresses
/// (the map), Neighbor Discovery, and any next header other than TCP, UDP or ICMPv6 (an extension header could hide
/// ND; such frames keep today's double path). A frame too short to read is passed too.
/// Order matters and is the kernel's: AF_PACKET ETH_P_ALL taps run before tc ingress in __netif_receive_skb_core,
/// so the worker's socket has its copy before this program drops the kernel's.
/// </summary>
public static class IngressDropProgram
{
    /// <summary>The frame bytes the program reads, 12–55 (EtherType to the ICMPv6 type), copied to the stack at
    /// fp-48: frame byte X sits at fp + X - 60, so every 16-bit read below is 2-aligned, as the verifier requires.</summary>
    private const int FirstByte = 12, ByteCount = 44, Buffer = -48;
    private const short EtherType = FirstByte - 60, NextHeader = 20 - 60, Source = 22 - 60, Destination = 38 - 60, IcmpType = 54 - 60;
    /// <summary>__sk_buff.pkt_type; PACKET_HOST (0) = addressed to this interface's MAC.</summary>
    private const short PacketTypeField = 4;
    private const int HelperMapLookup = 1, HelperSkbLoadBytes = 26;
    public const int TcActShot = 2, TcxNext = -1;
    /// <summary>0x86dd and fe80::/10 as the little-endian 16-bit loads see their first two bytes.</summary>
    private const int Ipv6EtherTypeLe = 0xdd86, LinkLocalMaskLe = 0xc0ff, LinkLocalLe = 0x80fe;
    private const int FrameRegister = 6, R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, StackRegister = 10;

    public static BpfInstruction[] Build(int localAddressesMapFd)
    {
        var a = new BpfAssembler();
        a.MovRegister(FrameRegister, R1)
         .MovImmediate(R2, FirstByte).MovRegister(R3, StackRegister).AddImmediate(R3, Buffer).MovImmediate(R4, ByteCount)
         .CallHelper(HelperSkbLoadBytes)
         .JumpIfNotEqual(R0, 0, "pass")
         .Load(BpfAssembler.Width.Half, R1, StackRegister, EtherType)
         .JumpIfNotEqual(R1, Ipv6EtherTypeLe, "pass")                   // RFC 2464 §3: only IPv6 is forwarded
         .Load(BpfAssembler.Width.Word, R1, FrameRegister, PacketTypeField)
         .JumpIfNotEqual(R1, 0, "pass")                                 // not to our MAC: ND, MLD, other hosts
         .Load(BpfAssembler.Width.Byte, R1, StackRegister, Destination)
         .JumpIfEqual(R1, 0xff, "pass")                                 // RFC 4291 §2.7 multicast
         .Load(BpfAssembler.Width.Half, R1, StackRegister, Destination).AndImmediate(R1, LinkLocalMaskLe)
         .JumpIfEqual(R1, LinkLocalLe, "pass")                          // RFC 4291 §2.5.6 link-local
         .Load(BpfAssembler.Width.Half, R1, StackRegister, Source).AndImmediate(R1, LinkLocalMaskLe)
         .JumpIfEqual(R1, LinkLocalLe, "pass")
         .Load(BpfAssembler.Width.Byte, R1, StackRegister, NextHeader)
         .JumpIfEqual(R1, 6, "lookup")                                  // TCP
         .JumpIfEqual(R1, 17, "lookup")                                 // UDP
         .JumpIfNotEqual(R1, 58, "pass")                                // ICMPv6, else pass
         .Load(BpfAssembler.Width.Byte, R1, StackRegister, IcmpType)
         .JumpIfLess(R1, 133, "lookup")
         .JumpIfLessOrEqual(R1, 137, "pass")                            // RFC 4861 §4.1–4.5: RS … Redirect
         .Label("lookup")
         .LoadMap(R1, localAddressesMapFd).MovRegister(R2, StackRegister).AddImmediate(R2, Destination)
         .CallHelper(HelperMapLookup)
         .JumpIfNotEqual(R0, 0, "pass")                                 // one of the router's own addresses
         .MovImmediate(R0, TcActShot).Exit()
         .Label("pass")
         .MovImmediate(R0, TcxNext).Exit();
        return a.Build();
    }
}
