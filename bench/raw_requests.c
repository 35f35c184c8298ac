/* The floor aa-nats is compared with: a minimal nats.c program that connects
 * and sends the same JetStream API requests, one after the other, printing
 * the raw replies. No settings, no parsing, no rendering.
 *
 * usage: bench_raw_requests URL SUBJECT [SUBJECT...]
 */
#include <nats/nats.h>
#include <stdio.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s URL SUBJECT [SUBJECT...]\n", argv[0]);
        return 2;
    }
    natsConnection* nc = NULL;
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK) {
        fprintf(stderr, "cannot connect\n");
        return 3;
    }
    int status = 0;
    for (int i = 2; i < argc; ++i) {
        natsMsg* reply = NULL;
        if (natsConnection_RequestString(&reply, nc, argv[i], "", 5000) != NATS_OK) {
            status = 3;
            break;
        }
        fwrite(natsMsg_GetData(reply), 1, (size_t)natsMsg_GetDataLength(reply), stdout);
        fputc('\n', stdout);
        natsMsg_Destroy(reply);
    }
    natsConnection_Destroy(nc);
    nats_Close();
    return status;
}
