#!/usr/bin/python3
"""One persistent UNO client for one warm soffice: reads conversion requests as JSON lines on
stdin and answers each with one JSON line on stdout. Run it with /usr/bin/python3 (Debian's
python3-uno); the python3 first on PATH may lack the `uno` module.

  request:  {"id": 7, "input": "/tmp/x/in.docx", "output": "/tmp/x/out.pdf"}
  answer:   {"id": 7, "ok": true} | {"id": 7, "ok": false, "reason": "load"|"store"|"connection", "error": "..."}

  ping:     {"id": 8, "ping": true}  ->  {"id": 8, "ok": true} once soffice answered a UNO call

The first line it prints is {"event": "ready"} once connected, or {"event": "failed", ...}.
A "connection" answer means soffice is gone: the bridge exits after sending it.

The bridge takes its soffice down with it on every way out: stdin closed, a broken pipe while
answering, a signal, and its Node parent dying while a conversion is in flight (a watcher thread
sees the parent pid change; pyuno releases the GIL during UNO calls, so it runs even then).
Without this a `kill -9` of the runtime left soffice running, re-parented to PID 1.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException
from com.sun.star.uno import Exception as UnoException
from com.sun.star.uno import RuntimeException

# Forcing the Word 2007 import filter makes a file that is not a DOCX fail to load instead of
# being type-detected and silently converted as plain text.
DOCX_FILTER = "MS Word 2007 XML"
PDF_FILTER = "writer_pdf_Export"


def properties(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        result.append(prop)
    return tuple(result)


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def connect(port, timeout_seconds):
    """soffice accepts connections only after it has started (6-18 s measured on a loaded
    2-core machine), so keep trying until the deadline."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def profile_of(context):
    """The profile the connected soffice runs with: the port was free when we picked it, but if
    another soffice took it first, we must not drive that one."""
    substitution = context.ServiceManager.createInstanceWithContext("com.sun.star.util.PathSubstitution", context)
    return substitution.getSubstituteVariableValue("$(user)")


def close_document(document):
    try:
        document.close(True)
    except UnoException:
        document.dispose()


def convert(desktop, source, target):
    """Returns None on success or (reason, message) on failure."""
    load_options = properties(Hidden=True, ReadOnly=True, FilterName=DOCX_FILTER)
    try:
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load_options)
    except (DisposedException, RuntimeException):
        raise
    except UnoException as error:
        return ("load", "LibreOffice cannot load the document: %s" % (error.Message or type(error).__name__))
    if document is None:
        return ("load", "LibreOffice cannot load the document")
    try:
        document.storeToURL(uno.systemPathToFileUrl(target), properties(FilterName=PDF_FILTER))
        return None
    except (DisposedException, RuntimeException):
        raise
    except UnoException as error:
        return ("store", "LibreOffice cannot export the PDF: %s" % (error.Message or type(error).__name__))
    finally:
        try:
            close_document(document)
        except UnoException:
            pass


def kill_soffice(soffice_group):
    if soffice_group:
        try:
            os.killpg(soffice_group, signal.SIGKILL)
        except OSError:
            pass


def watch_parent(soffice_group, parent):
    """Runs in a thread: when the Node parent is gone (we were re-parented), end soffice and us."""
    while True:
        time.sleep(0.25)
        if os.getppid() != parent:
            kill_soffice(soffice_group)
            os._exit(1)


def ping(desktop):
    desktop.getFrames().getCount()  # a round trip to soffice: a frozen one never answers


def serve(desktop):
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            if request.get("ping"):
                ping(desktop)
                send({"id": request["id"], "ok": True})
                continue
            failure = convert(desktop, request["input"], request["output"])
        except (DisposedException, RuntimeException) as error:
            send({"id": request["id"], "ok": False, "reason": "connection", "error": error.Message or type(error).__name__})
            return 3
        if failure is None:
            send({"id": request["id"], "ok": True})
        else:
            send({"id": request["id"], "ok": False, "reason": failure[0], "error": failure[1]})
    # stdin closed: our Node parent has gone away without stopping us.
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connect-timeout", type=float, default=20.0)
    parser.add_argument("--soffice-group", type=int, default=0)
    parser.add_argument("--profile-url", required=True)
    args = parser.parse_args()
    parent = os.getppid()
    watcher = threading.Thread(target=watch_parent, args=(args.soffice_group, parent), daemon=True)
    watcher.start()
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        signal.signal(getattr(signal, name), lambda number, frame: sys.exit(128 + number))
    try:
        return run(args)
    finally:
        # Every way out (a broken pipe while answering included) takes soffice down.
        kill_soffice(args.soffice_group)


def run(args):
    try:
        context = connect(args.port, args.connect_timeout)
        profile = profile_of(context)
        if not profile.startswith(args.profile_url):
            send({"event": "failed", "error": "port %d is served by another soffice (%s)" % (args.port, profile)})
            return 2
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    except UnoException as error:
        send({"event": "failed", "error": "cannot connect to soffice on port %d: %s" % (args.port, error.Message)})
        return 2
    send({"event": "ready"})
    return serve(desktop)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Node is gone; soffice was killed in main's finally. Keep Python quiet on the way out.
        os._exit(1)
