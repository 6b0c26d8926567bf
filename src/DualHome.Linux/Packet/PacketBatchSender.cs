using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>
/// The measured alternative to <see cref="PacketTxRing"/>: frames copied into a native buffer and sent with
/// one sendmmsg(2) per batch. Kept internal for the transmit-path measurement (PacketTransmitMeasure);
/// the TX ring won (see PacketTxRing). Same shape as the ring: TryWrite, then Flush.
/// </summary>
internal sealed unsafe class PacketBatchSender : IDisposable
{
    private const int SlotSize = 2048;

    private readonly PacketSocket _socket;
    private readonly SafeFdHandle _fd;
    private readonly int _capacity;
    private readonly byte* _slots;
    private readonly IoVec* _iovecs;
    private readonly MMsgHdr* _messages;
    private int _count;

    public PacketBatchSender(PacketSocket socket, int capacity)
    {
        _socket = socket;
        _fd = socket.Descriptor;
        _capacity = capacity;
        _slots = (byte*)NativeMemory.Alloc((nuint)(capacity * SlotSize));
        _iovecs = (IoVec*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(IoVec));
        _messages = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(MMsgHdr));
        for (var i = 0; i < capacity; i++)
        {
            _iovecs[i].Base = _slots + ((nint)i * SlotSize);
            _messages[i].Header.Iov = &_iovecs[i];
            _messages[i].Header.IovLength = 1;
        }
    }

    public int Pending => _count;

    public bool TryWrite(ReadOnlySpan<byte> frame)
    {
        if (_count == _capacity || frame.Length > SlotSize)
        {
            return false;
        }

        frame.CopyTo(new Span<byte>(_iovecs[_count].Base, SlotSize));
        _iovecs[_count].Length = (nuint)frame.Length;
        _count++;
        return true;
    }

    /// <summary>sendmmsg until the batch is out; false if the kernel refused part of it (ENOBUFS and the like).</summary>
    public bool Flush()
    {
        ObjectDisposedException.ThrowIf(_socket.IsDisposed, _socket);
        var done = 0;
        while (done < _count)
        {
            var sent = Libc.SendMmsg(_fd, _messages + done, (uint)(_count - done), 0);
            if (sent < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EINTR)
                {
                    continue;
                }

                _count = 0;
                PacketSocket.ThrowUnlessTransient(errno, "sendmmsg(AF_PACKET)");
                return false;
            }

            done += sent;
        }

        _count = 0;
        return true;
    }

    public void Dispose()
    {
        NativeMemory.Free(_slots);
        NativeMemory.Free(_iovecs);
        NativeMemory.Free(_messages);
    }
}
