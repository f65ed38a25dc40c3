"""Issue 20: garblint creates, uses and deletes only its own cache folder, never a user's."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from conftest import run_cli
from speed_helpers import write_tree


def _snapshot(root: Path, skip: str = ".garblint_cache") -> dict[str, str]:
    """Every file and folder under root (but garblint's own folder) with a hash of its content."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != skip]
        rel = os.path.relpath(dirpath, root)
        out[rel + "/"] = "dir"
        for f in filenames:
            out[os.path.join(rel, f)] = hashlib.sha256(Path(dirpath, f).read_bytes()).hexdigest()
    return out


def _project(tmp_path: Path, cache_dir: str) -> Path:
    proj = tmp_path / "proj"
    write_tree(proj / "docs", 3)
    (proj / ".git").mkdir()
    (proj / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (proj / "notes.txt").write_text("My own notes.\n", encoding="utf-8")
    (proj / "garblint.toml").write_text(f"cache-dir = {cache_dir!r}\n", encoding="utf-8")
    return proj


def test_cache_dir_dot_in_project_config_keeps_the_project(tmp_path):
    proj = _project(tmp_path, ".")
    before = _snapshot(proj)
    p = run_cli("check", "docs", cwd=proj)
    assert p.returncode == 1, p.stderr
    assert not (proj / ".gitignore").exists() and not (proj / "CACHEDIR.TAG").exists()
    assert (proj / ".garblint_cache" / "CACHEDIR.TAG").is_file()
    assert _snapshot(proj) == before
    p = run_cli("clean", cwd=proj)
    assert p.returncode == 0, p.stderr
    assert not (proj / ".garblint_cache").exists()
    assert _snapshot(proj) == before


def test_home_as_cache_dir(tmp_path):
    home = tmp_path / "home"
    (home / "photos").mkdir(parents=True)
    (home / "photos" / "cat.txt").write_text("A cat.\n", encoding="utf-8")
    (home / "letter.txt").write_text("Dear friend.\n", encoding="utf-8")
    proj = _project(tmp_path, "~")
    # The word data copies (docs/security.md, "The data cache") have their own documented folder,
    # ~/.cache/garblint by default: kept out of this home so that the snapshot is about the
    # result cache alone.
    env = {"HOME": str(home), "GARBLINT_DATA_CACHE": str(tmp_path / "data-cache")}
    before = _snapshot(home)
    # a project config may not put the cache in the home folder
    p = run_cli("check", "docs", cwd=proj, env=env)
    assert p.returncode == 2 and b"outside the project" in p.stderr and b"garblint.toml" in p.stderr, p.stderr
    assert b"Traceback" not in p.stderr
    p = run_cli("clean", cwd=proj, env=env)
    assert p.returncode == 2 and b"outside the project" in p.stderr
    assert _snapshot(home) == before
    # the user may, on the command line; then garblint uses and removes only its own subfolder
    (proj / "garblint.toml").unlink()
    p = run_cli("check", "docs", "--cache-dir", "~", cwd=proj, env=env)
    assert p.returncode == 1, p.stderr
    assert (home / ".garblint_cache" / "CACHEDIR.TAG").is_file()
    assert not (home / ".gitignore").exists()
    p = run_cli("clean", "--cache-dir", "~", cwd=proj, env=env)
    assert p.returncode == 0, p.stderr
    assert not (home / ".garblint_cache").exists()
    assert _snapshot(home) == before


def test_project_config_may_not_point_outside_but_the_environment_may(tmp_path):
    proj = _project(tmp_path, "../shared-cache")
    p = run_cli("check", "docs", cwd=proj)
    assert p.returncode == 2 and b"outside the project" in p.stderr
    assert not (tmp_path / "shared-cache").exists()
    p = run_cli("check", "docs", cwd=proj, env={"GARBLINT_CACHE_DIR": str(tmp_path / "shared-cache")})
    assert p.returncode == 1, p.stderr
    assert (tmp_path / "shared-cache" / ".garblint_cache" / "CACHEDIR.TAG").is_file()


def test_a_folder_garblint_did_not_create_is_never_adopted_nor_deleted(tmp_path):
    write_tree(tmp_path / "docs", 2)
    mine = tmp_path / ".garblint_cache"
    mine.mkdir()
    (mine / "keep.txt").write_text("not garblint's\n", encoding="utf-8")
    p = run_cli("check", "docs", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert b"not created by garblint" in p.stderr
    assert sorted(x.name for x in mine.iterdir()) == ["keep.txt"]
    p = run_cli("clean", cwd=tmp_path)
    assert p.returncode == 2 and b"not created by garblint" in p.stderr
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "not garblint's\n"


def test_clean_removes_only_garblints_files(tmp_path):
    write_tree(tmp_path / "docs", 2)
    assert run_cli("check", "docs", cwd=tmp_path).returncode == 1
    own = tmp_path / ".garblint_cache"
    assert any(f.name.endswith(".sqlite3") for f in own.iterdir())
    (own / "diary.txt").write_text("someone put this here\n", encoding="utf-8")
    p = run_cli("clean", cwd=tmp_path)
    assert p.returncode == 2 and b"diary.txt" in p.stderr, p.stderr
    assert sorted(x.name for x in own.iterdir()) == ["CACHEDIR.TAG", "diary.txt"]
    (own / "diary.txt").unlink()
    p = run_cli("clean", cwd=tmp_path)
    assert p.returncode == 0 and not own.exists()


def test_a_symlinked_cache_folder_is_not_followed(tmp_path):
    write_tree(tmp_path / "docs", 2)
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "precious.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / ".garblint_cache").symlink_to(target)
    run_cli("check", "docs", cwd=tmp_path)
    p = run_cli("clean", cwd=tmp_path)
    assert p.returncode == 2
    assert sorted(x.name for x in target.iterdir()) == ["precious.txt"]
