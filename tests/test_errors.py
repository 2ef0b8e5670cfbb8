from newsprism.errors import FetchError, InputError, NewsprismError


def test_coded_message_and_exit_code() -> None:
    err = InputError("E001", path="x.txt")
    assert str(err) == "E001: no such file or directory: x.txt"
    assert err.exit_code == 2
    assert FetchError("E011", url="u", reason="r").exit_code == 3
    assert isinstance(FetchError("E011", url="u", reason="r"), InputError)


def test_error_json_shape() -> None:
    shape = NewsprismError("E002", source="s").to_dict()
    assert shape == {
        "error": {"code": "E002", "type": "NewsprismError", "message": "input is empty or only whitespace: s"}
    }


def test_errors_survive_pickling_across_processes() -> None:
    import pickle

    from newsprism.errors import StoreError

    err = pickle.loads(pickle.dumps(StoreError("E124", partition="p00000003", reason="boom")))
    assert isinstance(err, StoreError) and err.code == "E124" and err.exit_code == StoreError.exit_code
    assert str(err) == "E124: ingest partition p00000003 failed: boom"
