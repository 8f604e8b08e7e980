#!/usr/bin/env bash
# A one-node Slurm cluster on loopback for the Slurm tests, without systemd (Debian's slurmctld slurmd slurm-client
# munge). Needs root. Usage:
#   .ci/slurm-cluster.sh start DIR   writes DIR/slurm.conf, starts munged, slurmctld and slurmd -N localhost, waits
#                                    until sinfo shows the node idle; prints the SLURM_CONF to export
#   .ci/slurm-cluster.sh stop DIR    stops the daemons it started, by the pids it recorded in DIR
set -euo pipefail
cmd="${1:?start|stop}"; DIR="${2:?folder for the state of the cluster}"

stop() {
  for name in slurmd slurmctld munged; do
    pidfile="$DIR/$name.pid"
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "the test cluster needs root (slurmd runs jobs as their user)" >&2; exit 3; }
for tool in munged slurmctld slurmd sinfo; do command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 3; }; done
mkdir -p "$DIR"/{state,spool,log,munge}
chmod 755 "$DIR"   # munged runs as the munge user and must reach its socket folder (mktemp -d makes DIR 0700)
chown munge:munge "$DIR/munge"
[ -f /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null; }
chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
CPUS="$(nproc)"; MEM=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
cat > "$DIR/slurm.conf" <<CONF
ClusterName=pipeline-test
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.socket.2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
MinJobAge=300
KillWait=5
NodeName=localhost NodeHostname=$(hostname) NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$DIR/slurm.conf"
runuser -u munge -- munged --socket="$DIR/munge/munge.socket.2" --pid-file="$DIR/munge/munged.pid" --force
for _ in $(seq 50); do [ -f "$DIR/munge/munged.pid" ] && break; sleep 0.1; done
cp "$DIR/munge/munged.pid" "$DIR/munged.pid"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 120); do
  if [ "$(sinfo -h -n localhost -o %t 2>/dev/null)" = idle ]; then echo "SLURM_CONF=$SLURM_CONF"; exit 0; fi
  sleep 0.5
done
echo "the test cluster did not become idle in 60 s:" >&2
sinfo >&2 || true; tail -5 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 || true
stop; exit 4
