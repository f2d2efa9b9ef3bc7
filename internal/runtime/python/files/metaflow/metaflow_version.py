"""flowc's stand-in for metaflow.metaflow_version: the Metaflow release whose behaviour flowc's
runtime follows (its flows are checked against it), marked as flowc's in the local part."""

__all__ = ["get_version"]

METAFLOW_RELEASE = "2.19.38"


def get_version(public=False):
    """The version, as Metaflow's get_version gives it: public=True leaves out the local part."""
    if public:
        return METAFLOW_RELEASE
    return METAFLOW_RELEASE + "+flowc"
