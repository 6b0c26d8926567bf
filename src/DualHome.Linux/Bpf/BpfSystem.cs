using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Bpf;

/// <summary>bpf(2): the commands the ingress drop uses. Every descriptor returned is owned by a <see cref="SafeFdHandle"/>.</summary>
internal static unsafe class BpfSystem
{
    public const int MapCreate = 0, MapUpdateElement = 2, MapDeleteElement = 3, ProgramLoad = 5, LinkCreate = 28;
    public const uint MapTypeHash = 1;
    public const uint ProgramTypeSchedCls = 3;
    public const uint AttachTcxIngress = 46;
    /// <summary>BPF_ANY: create or replace.</summary>
    public const ulong UpdateAny = 0;

    /// <summary>__NR_bpf differs per architecture (asm/unistd.h).</summary>
    private static nint Number => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        var other => throw new PlatformNotSupportedException($"bpf(2): no system call number for {other}"),
    };

    public static SafeFdHandle Open<T>(string operation, int command, ref T attributes) where T : unmanaged =>
        SafeFdHandle.Own(Call(operation, command, ref attributes));

    /// <summary>Returns the result, or throws <see cref="NativeErrorException"/> naming <paramref name="operation"/>.</summary>
    public static int Call<T>(string operation, int command, ref T attributes) where T : unmanaged
    {
        int error = TryCall(command, ref attributes, out int result);
        return error == 0 ? result : throw new NativeErrorException(operation, error);
    }

    /// <summary>Like <see cref="Call{T}"/> but returns the errno (0 on success) instead of throwing.</summary>
    public static int TryCall<T>(int command, ref T attributes) where T : unmanaged => TryCall(command, ref attributes, out _);

    public static int TryCall<T>(int command, ref T attributes, out int result) where T : unmanaged
    {
        fixed (T* pointer = &attributes)
        {
            var value = Libc.Syscall(Number, command, pointer, sizeof(T));
            result = (int)value;
            return value < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
    }
}
