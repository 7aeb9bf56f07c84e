"""Start moto_server on a free port, seeded with EKS-related SSM parameters and AMIs.

Usage: moto_launcher.py PORT_FILE [--exit-on-stdin-eof]

Writes the chosen port to PORT_FILE atomically once the server listens, then runs until
SIGTERM/SIGINT, or until stdin closes when --exit-on-stdin-eof is given (the JVM passes it,
so a crashed test JVM never leaks the server). Seeding happens in this process only.
"""
import gzip
import hashlib
import json
import os
import signal
import sys
import tempfile
import threading
from datetime import datetime, timezone
from importlib.util import find_spec

# ---- Seed table ---------------------------------------------------------------------------
# k8s minor -> patch, used in release versions ("1.33.5-20251101").
K8S_PATCH = {"1.29": "15", "1.30": "14", "1.31": "13", "1.32": "9", "1.33": "5",
             "1.34": "1", "1.35": "0"}
AL2_VERSIONS = ["1.29", "1.30", "1.31", "1.32"]  # AL2 EKS AMIs end with 1.32
CURRENT_VERSIONS = ["1.29", "1.30", "1.31", "1.32", "1.33", "1.34"]
AMI_DATE = "20251101"
BOTTLEROCKET_VERSION = "1.49.0-713f44ce"
WINDOWS_DATE = "2025.11.12"

EKS_OWNER = "602401143452"
BOTTLEROCKET_OWNER = "092701018921"
WINDOWS_OWNER = "801119661308"

SEED_ROOTS = ("/aws/service/eks/", "/aws/service/bottlerocket/",
              "/aws/service/ami-windows-latest/")


def al2_seeds():
    suffixes = {"": ("x86_64", "node"), "-arm64": ("arm64", "arm64-node"),
                "-gpu": ("x86_64", "gpu-node")}
    for k8s in AL2_VERSIONS:
        for suffix, (arch, kind) in suffixes.items():
            base = f"/aws/service/eks/optimized-ami/{k8s}/amazon-linux-2{suffix}/recommended"
            yield eks_optimized(base, arch, f"amazon-eks-{kind}-{k8s}-v{AMI_DATE}", k8s)


def al2023_seeds():
    flavors = {"x86_64": ["standard", "nvidia", "neuron"], "arm64": ["standard", "nvidia"]}
    for k8s in CURRENT_VERSIONS:
        for arch, kinds in flavors.items():
            for kind in kinds:
                base = (f"/aws/service/eks/optimized-ami/{k8s}"
                        f"/amazon-linux-2023/{arch}/{kind}/recommended")
                name = f"amazon-eks-node-al2023-{arch}-{kind}-{k8s}-v{AMI_DATE}"
                yield eks_optimized(base, arch, name, k8s)


def eks_optimized(base, arch, name, k8s):
    return {"image_path": f"{base}/image_id", "arch": arch, "name": name, "owner": EKS_OWNER,
            "extra": {f"{base}/release_version": f"{k8s}.{K8S_PATCH[k8s]}-{AMI_DATE}"}}


def bottlerocket_seeds():
    for k8s in CURRENT_VERSIONS:
        for flavor in ["", "-nvidia", "-fips", "-nvidia-fips"]:
            for arch in ["x86_64", "arm64"]:
                base = f"/aws/service/bottlerocket/aws-k8s-{k8s}{flavor}/{arch}/latest"
                yield {"image_path": f"{base}/image_id", "arch": arch, "owner": BOTTLEROCKET_OWNER,
                       "name": f"bottlerocket-aws-k8s-{k8s}{flavor}-{arch}-v{BOTTLEROCKET_VERSION}",
                       "extra": {f"{base}/image_version": BOTTLEROCKET_VERSION}}


def windows_seeds():
    releases = [(w, k8s) for w in ["2019", "2022"] for k8s in CURRENT_VERSIONS + ["1.35"]]
    releases.append(("2025", "1.35"))  # Windows Server 2025 EKS AMIs start with 1.35
    for windows, k8s in releases:
        for edition in ["Core", "Full"]:
            name = f"Windows_Server-{windows}-English-{edition}-EKS_Optimized-{k8s}"
            yield {"image_path": f"/aws/service/ami-windows-latest/{name}/image_id",
                   "arch": "x86_64", "owner": WINDOWS_OWNER, "platform": "windows",
                   "name": f"{name}-{WINDOWS_DATE}", "extra": {}}


def all_seeds():
    return [*al2_seeds(), *al2023_seeds(), *bottlerocket_seeds(), *windows_seeds()]


# ---- SSM parameters and AMIs derived from the seeds ---------------------------------------
def ami_id(image_path):
    """Deterministic, so the same path yields the same AMI in every run and account."""
    return "ami-" + hashlib.sha256(image_path.encode()).hexdigest()[:17]


def ssm_values(seeds):
    values = {}
    for seed in seeds:
        values[seed["image_path"]] = ami_id(seed["image_path"])
        values.update(seed["extra"])
    return values


def ami_record(seed):
    windows = seed.get("platform") == "windows"
    record = {
        "ami_id": ami_id(seed["image_path"]), "name": seed["name"], "architecture": seed["arch"],
        "owner_id": seed["owner"], "public": True, "state": "available", "image_type": "machine",
        "root_device_name": "/dev/sda1" if windows else "/dev/xvda", "root_device_type": "ebs",
        "virtualization_type": "hvm", "hypervisor": "xen", "sriov": "simple",
        "description": f"Seeded by ekskit for SSM parameter {seed['image_path']}",
    }
    if windows:
        record["platform"] = "windows"
    return record


def write_amis_file(seeds, directory):
    """MOTO_AMIS_PATH replaces moto's default image list, so keep moto's defaults too."""
    default_amis = os.path.join(os.path.dirname(find_spec("moto").origin),
                                "ec2", "resources", "amis.json.gz")
    with gzip.open(default_amis, "rt", encoding="utf-8") as f:
        amis = json.load(f)
    amis.extend(ami_record(seed) for seed in seeds)
    path = os.path.join(directory, "amis.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(amis, f)
    return path


def install_ssm_seeds(values):
    """Piggyback on moto's lazy loader for public parameters; runs once per backend."""
    from moto.ssm.models import Parameter, ParameterDict

    original = ParameterDict._check_loading_status
    loaded_at = datetime.now(timezone.utc)

    def check_loading_status(self, key):
        original(self, key)
        key = str(key or "")
        wanted = any(key.startswith(root) or root.startswith(key) for root in SEED_ROOTS)
        if wanted and not getattr(self, "ekskit_seeded", False):
            self.ekskit_seeded = True
            for name, value in values.items():
                # The base class's __getitem__ skips the lazy loader (no recursion).
                super(ParameterDict, self).__getitem__(name).append(Parameter(
                    account_id=self.account_id, name=name, value=value, parameter_type="String",
                    description=None, allowed_pattern=None, keyid=None,
                    last_modified_date=loaded_at, version=1, data_type="text"))

    ParameterDict._check_loading_status = check_loading_status


# ---- Server lifecycle ---------------------------------------------------------------------
def write_port_atomically(port_file, port):
    tmp = f"{port_file}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(str(port))
    os.replace(tmp, port_file)


def main(argv):
    if len(argv) < 2 or argv[2:] not in ([], ["--exit-on-stdin-eof"]):
        sys.exit("usage: moto_launcher.py PORT_FILE [--exit-on-stdin-eof]")
    port_file = argv[1]
    seeds = all_seeds()
    with tempfile.TemporaryDirectory(prefix="ekskit-moto-") as work_dir:
        # moto reads both settings when its modules are imported, so set them first.
        os.environ["MOTO_AMIS_PATH"] = write_amis_file(seeds, work_dir)
        os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        install_ssm_seeds(ssm_values(seeds))
        from moto.server import ThreadedMotoServer

        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        if "--exit-on-stdin-eof" in argv:
            threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()

        server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
        server.start()
        write_port_atomically(port_file, server.get_host_and_port()[1])
        stop.wait()
        server.stop()


if __name__ == "__main__":
    main(sys.argv)
