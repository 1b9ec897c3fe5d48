// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "signalwatcher.h"

#include <QtCore/qsocketnotifier.h>

#ifdef Q_OS_UNIX
#  include <csignal>
#  include <cstdlib>
#  include <fcntl.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace StompCli {

#ifdef Q_OS_UNIX
namespace {
int g_signalFds[2] = {-1, -1};
volatile sig_atomic_t g_signalCount = 0;

void onSignal(int signalNumber)
{
    if (++g_signalCount > 1)
        _exit(128 + signalNumber); // the user insists; the graceful path is stuck
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &byte, 1);
}
} // namespace
#endif

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    for (int fd : g_signalFds)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    m_notifier = new QSocketNotifier(qintptr(g_signalFds[1]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);

    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#endif
}

SignalWatcher::~SignalWatcher()
{
#ifdef Q_OS_UNIX
    if (m_notifier) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        delete m_notifier;
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = g_signalFds[1] = -1;
    }
#endif
}

void SignalWatcher::readSignal()
{
#ifdef Q_OS_UNIX
    char byte = 0;
    if (::read(g_signalFds[1], &byte, 1) == 1)
        Q_EMIT interrupted(int(byte));
#endif
}

} // namespace StompCli
