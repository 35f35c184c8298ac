/* Which JetStream API requests a command sends, so that the round-trip floor
 * (bench_pipelined_requests) is measured with exactly the same ones: listens
 * on $JS.API.> while COMMAND runs, then prints each request it saw as one
 * line "SUBJECT BODY" (or "SUBJECT" when the body is empty), in the order the
 * server routed them. COMMAND's own output goes to /dev/null.
 *
 * usage: bench_api_spy URL COMMAND [ARG...]
 */
#include <fcntl.h>
#include <nats/nats.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs ARGV to its end with stdout and stderr discarded; its exit status. */
static int run_quietly(char** argv) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) < 0) return -1;
    return status;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s URL COMMAND [ARG...]\n", argv[0]);
        return 2;
    }
    natsConnection* nc = NULL;
    natsSubscription* sub = NULL;
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK ||
        natsConnection_SubscribeSync(&sub, nc, "$JS.API.>") != NATS_OK || natsConnection_Flush(nc) != NATS_OK) {
        fprintf(stderr, "cannot listen on %s\n", argv[1]);
        return 3;
    }
    run_quietly(argv + 2);
    /* The server routed the command's requests before answering them; a
     * flush after the command ended brings every copy it sent us. */
    natsConnection_Flush(nc);
    natsMsg* msg = NULL;
    while (natsSubscription_NextMsg(&msg, sub, 10) == NATS_OK) {
        fputs(natsMsg_GetSubject(msg), stdout);
        if (natsMsg_GetDataLength(msg) > 0) {
            fputc(' ', stdout);
            fwrite(natsMsg_GetData(msg), 1, (size_t)natsMsg_GetDataLength(msg), stdout);
        }
        fputc('\n', stdout);
        natsMsg_Destroy(msg);
    }
    natsSubscription_Destroy(sub);
    natsConnection_Destroy(nc);
    nats_Close();
    return 0;
}
