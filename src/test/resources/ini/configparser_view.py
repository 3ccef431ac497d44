"""Prints Python configparser's view of INI files, one JSON line per file given as argument.

The reference for org.wgtrack.ini.IniReader (IniReaderConfigparserTest): wgtrack's config
follows configparser because existing configs were written for it.

  {"error": "DuplicateSectionError", "lines": [9]}                 the file does not parse
  {"sections": {"DEFAULT": {"key": {"value": "v"}},
                "general": {"key": {"error": "InterpolationSyntaxError"}}}}
"""
import configparser
import json
import sys


def view(path):
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")  # a real file: universal newlines, like /etc/wgtrack.conf
    except configparser.MissingSectionHeaderError as e:  # a ParsingError subclass: test it first
        return {"error": type(e).__name__, "lines": [e.lineno]}
    except (configparser.DuplicateSectionError, configparser.DuplicateOptionError) as e:
        return {"error": type(e).__name__, "lines": [e.lineno]}
    except configparser.ParsingError as e:
        return {"error": type(e).__name__, "lines": [lineno for lineno, _ in e.errors]}
    sections = {}
    for name in ["DEFAULT"] + parser.sections():
        values = {}
        for key in parser[name]:
            try:
                values[key] = {"value": parser.get(name, key)}
            except configparser.InterpolationError as e:
                values[key] = {"error": type(e).__name__}
        sections[name] = values
    return {"sections": sections}


for path in sys.argv[1:]:
    print(json.dumps(view(path), sort_keys=True))
