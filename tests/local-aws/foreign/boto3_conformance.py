"""Drives local-aws with boto3 as an ordinary Python program would, and prints one JSON report.

Everything comes from the environment (LA_* for the stand-in, AWS_* for the demo user's temporary
credentials); nothing is read from ~/.aws. Each step records its own outcome, so one failing
operation shows up as that step's error instead of hiding the rest.
"""

import base64
import hashlib
import json
import os
import ssl
import sys
import traceback
import urllib.request

import boto3
import botocore
from boto3.s3.transfer import TransferConfig
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["LA_ENDPOINT"]
REGION = os.environ["LA_REGION"]
BUCKET = os.environ["LA_BUCKET"]
PREFIX = os.environ["LA_PREFIX"]
SCRATCH = os.environ["LA_SCRATCH"]
MIB = 1024 * 1024

report = {"versions": {"boto3": boto3.__version__, "botocore": botocore.__version__,
                       "python": sys.version.split()[0]}, "steps": {}}


def step(name):
    def run(fn):
        try:
            report["steps"][name] = {"ok": True, **(fn() or {})}
        except Exception as error:  # every failure is reported, not raised
            report["steps"][name] = {"ok": False, "error": f"{type(error).__name__}: {error}",
                                     "trace": traceback.format_exc()}
        return fn
    return run


def client(service, **config):
    return boto3.client(service, region_name=REGION, endpoint_url=ENDPOINT,
                        config=Config(**config))


def s3_client(**config):
    # Path style: the stand-in is one host, so buckets can't be subdomains.
    return client("s3", s3={"addressing_style": "path"}, signature_version="s3v4", **config)


def plain_s3_client():
    """A client that sends no flexible checksum of its own (newer botocore sends CRC32)."""
    try:
        return s3_client(request_checksum_calculation="when_required")
    except TypeError:  # botocore before 1.36 knows no such option and sends none anyway
        return s3_client()


s3 = s3_client()


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(MIB), b""):
            digest.update(block)
    return digest.hexdigest()


def checksum_headers(head):
    headers = head["ResponseMetadata"]["HTTPHeaders"]
    return {k: v for k, v in headers.items() if k.startswith("x-amz-checksum-")}


@step("multipart_upload_and_ranged_download")
def transfer():
    source = os.path.join(SCRATCH, "twelve.bin")
    with open(source, "wb") as f:
        f.write(os.urandom(12 * MIB))
    config = TransferConfig(multipart_threshold=5 * MIB, multipart_chunksize=5 * MIB,
                            max_concurrency=3)
    key = PREFIX + "boto3/twelve.bin"
    s3.upload_file(source, BUCKET, key, Config=config)
    head = s3.head_object(Bucket=BUCKET, Key=key, ChecksumMode="ENABLED")
    back = os.path.join(SCRATCH, "twelve.back.bin")
    s3.download_file(BUCKET, key, back, Config=config)
    return {"etag": head["ETag"], "size": head["ContentLength"],
            "checksums": checksum_headers(head),
            "same": sha256_file(source) == sha256_file(back)}


@step("put_object_with_checksum_algorithm")
def put_with_checksum():
    key = PREFIX + "boto3/sha256.txt"
    body = b"checked by SHA-256\n"
    put = s3.put_object(Bucket=BUCKET, Key=key, Body=body, ChecksumAlgorithm="SHA256")
    head = s3.head_object(Bucket=BUCKET, Key=key, ChecksumMode="ENABLED")
    return {"sent": put.get("ChecksumSHA256"), "stored": head.get("ChecksumSHA256"),
            "expected": base64.b64encode(hashlib.sha256(body).digest()).decode()}


@step("every_checksum_algorithm")
def every_algorithm():
    # botocore computes CRC32C and CRC64NVME only with awscrt installed; without it, it refuses
    # before sending anything, which says nothing about the stand-in.
    stored, missing = {}, []
    for algorithm in ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"]:
        key = PREFIX + "boto3/algorithms/" + algorithm
        try:
            put = s3.put_object(Bucket=BUCKET, Key=key, Body=b"123456789",
                                ChecksumAlgorithm=algorithm)
        except botocore.exceptions.MissingDependencyException:
            missing.append(algorithm)
            continue
        except (botocore.exceptions.ParamValidationError,
                botocore.exceptions.FlexibleChecksumError) as error:
            if "nsupported" not in str(error) and "Invalid" not in str(error):
                raise
            missing.append(algorithm)  # older botocore: no such algorithm
            continue
        head = s3.head_object(Bucket=BUCKET, Key=key, ChecksumMode="ENABLED")
        header = "x-amz-checksum-" + algorithm.lower()
        stored[algorithm] = {"sent": put["ResponseMetadata"]["HTTPHeaders"].get(header),
                             "stored": checksum_headers(head).get(header)}
    return {"stored": stored, "missing": missing}


@step("put_object_without_checksum")
def put_plain():
    key = PREFIX + "boto3/plain.txt"
    plain = plain_s3_client()
    plain.put_object(Bucket=BUCKET, Key=key, Body=b"123456789")
    head = plain.head_object(Bucket=BUCKET, Key=key, ChecksumMode="ENABLED")
    return {"checksums": checksum_headers(head)}


@step("paginated_list_with_delimiter")
def listing():
    base = PREFIX + "boto3/list/"
    names = ["a/1.txt", "a/2.txt", "b/1.txt", "c/1.txt", "top-1.txt", "top-2.txt", "top-3.txt"]
    for name in names:
        s3.put_object(Bucket=BUCKET, Key=base + name, Body=name.encode())
    pages = s3.get_paginator("list_objects_v2").paginate(
        Bucket=BUCKET, Prefix=base, Delimiter="/", PaginationConfig={"PageSize": 2})
    keys, prefixes, count = [], [], 0
    for page in pages:
        count += 1
        keys += [o["Key"][len(base):] for o in page.get("Contents", [])]
        prefixes += [p["Prefix"][len(base):] for p in page.get("CommonPrefixes", [])]
    return {"pages": count, "keys": keys, "prefixes": prefixes}


@step("presigned_get")
def presigned():
    key = PREFIX + "boto3/presigned.txt"
    s3.put_object(Bucket=BUCKET, Key=key, Body=b"fetched without the SDK")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key},
                                    ExpiresIn=300)
    # urllib knows nothing of AWS_CA_BUNDLE: it is given the same CA explicitly, verification on.
    trust = ssl.create_default_context(cafile=os.environ.get("AWS_CA_BUNDLE"))
    with urllib.request.urlopen(url, context=trust) as response:
        return {"status": response.status, "body": response.read().decode(),
                "signed_v4": "X-Amz-Signature=" in url}


@step("delete_objects")
def delete_many():
    keys = [PREFIX + "boto3/delete/" + name for name in ["one", "it's \"quoted\" & <odd>", "three"]]
    for key in keys:
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"x")
    out = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": k} for k in keys]})
    left = s3.list_objects_v2(Bucket=BUCKET, Prefix=PREFIX + "boto3/delete/").get("KeyCount")
    return {"deleted": sorted(d["Key"][len(PREFIX):] for d in out.get("Deleted", [])),
            "errors": out.get("Errors", []), "left": left}


@step("access_denied_elsewhere")
def denied():
    other = "ap-northeast-1:00000000-0000-4000-8000-000000000000/boto3/not-mine.txt"
    try:
        s3.put_object(Bucket=BUCKET, Key=other, Body=b"x")
    except ClientError as error:
        return {"code": error.response["Error"]["Code"],
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"code": None}


@step("cognito_refresh_and_get_user")
def cognito_idp():
    idp = client("cognito-idp", signature_version=UNSIGNED)
    out = idp.initiate_auth(ClientId=os.environ["LA_CLIENT_ID"], AuthFlow="REFRESH_TOKEN_AUTH",
                            AuthParameters={"REFRESH_TOKEN": os.environ["LA_REFRESH_TOKEN"]})
    result = out["AuthenticationResult"]
    user = idp.get_user(AccessToken=result["AccessToken"])
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    return {"has_id_token": bool(result.get("IdToken")), "username": user["Username"],
            "email": attributes.get("email"), "id_token": result.get("IdToken")}


@step("cognito_identity_unsigned")
def cognito_identity():
    identity = client("cognito-identity", signature_version=UNSIGNED)
    logins = {os.environ["LA_LOGIN_PROVIDER"]: os.environ["LA_ID_TOKEN"]}
    identity_id = identity.get_id(IdentityPoolId=os.environ["LA_IDENTITY_POOL_ID"],
                                  Logins=logins)["IdentityId"]
    creds = identity.get_credentials_for_identity(IdentityId=identity_id,
                                                  Logins=logins)["Credentials"]
    # The fresh keys must work: list the identity's own prefix with them.
    fresh = boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT,
                         aws_access_key_id=creds["AccessKeyId"],
                         aws_secret_access_key=creds["SecretKey"],
                         aws_session_token=creds["SessionToken"],
                         config=Config(s3={"addressing_style": "path"}))
    listed = fresh.list_objects_v2(Bucket=BUCKET, Prefix=identity_id + "/", MaxKeys=1)
    return {"identity_id": identity_id, "listed": listed["ResponseMetadata"]["HTTPStatusCode"]}


print(json.dumps(report))
