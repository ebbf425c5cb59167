"""``wsgilint graph``: the deployment graph as wsgilint understood it.

manager -> server (user, place) -> listener <- nginx route, plus the ``.socket`` units that
bind listeners and start services. Two kinds of broken edge are marked: a route target
that reaches no listener, and an app server that nothing starts (a config file read on its
own). One graph, three renderings: a rich tree for the terminal, Mermaid and DOT.

Every name comes from the checked files, so each label is escaped for its output: ``shown``
(control characters, workflow commands) everywhere, then rich ``Text`` (never markup) for
the tree, Mermaid entity codes inside double quotes, and DOT string escapes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ..core.record import dataclass, field
from ._text import shown

if TYPE_CHECKING:
    from ..model import AppServer, Deployment, Listener, Place, ProcessManager, Route, Target

FORMATS = ("tree", "mermaid", "dot")
_PROGRAMS = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn", "dev-server": "development server"}


@dataclass
class Node:
    id: str
    kind: str            # manager | socket | server | program | listener | route | nothing
    label: str           # as read: escaped by each renderer
    broken: str = ""     # why this node is a broken end, or ""
    children: list[Node] = field(default_factory=list)   # the tree's nesting


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    broken: bool = False


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    roots: list[Node] = field(default_factory=list)          # managers and what nobody starts
    routes: list[Node] = field(default_factory=list)

    def add(self, kind: str, label: str, broken: str = "") -> Node:
        node = Node(f"n{len(self.nodes) + 1}", kind, label, broken)
        self.nodes.append(node)
        return node


def _user(server: AppServer) -> str:
    manager = server.manager
    user = server.user or (manager.user if manager is not None else None)
    if user is not None:
        return str(user.value)
    return "root (no user set)" if manager is not None else "whoever starts it"


def _listener_label(listener: Listener) -> str:
    text = f"{listener.protocol} {listener.address}"
    details = []
    if listener.owner is not None or listener.group is not None or listener.mode is not None:
        owner = listener.owner.value if listener.owner is not None else "?"
        group = listener.group.value if listener.group is not None else "?"
        mode = f" {listener.mode.value:04o}" if listener.mode is not None else ""
        details.append(f"{owner}:{group}{mode}")
    if listener.bound_by:
        details.append(f"bound by {listener.bound_by}")
    if listener.resolved_in is not None:
        details.append(f"{listener.address.text} relative to {listener.resolved_in.value}")
    return text + (f" ({', '.join(details)})" if details else "")


def _route_label(route: Route, target: Target) -> str:
    where = "" if route.place.kind == "host" else f", {route.place.label or route.place.name}"
    return f"nginx location {route.location} {route.handler.name} {target.address} ({target.at}{where})"


def _place_label(place: Place) -> str:
    """The host, or a container as a host of its own: its names, published ports and shared volumes."""
    if place.kind == "host":
        return place.name
    parts = [place.label or place.name]
    if place.published:
        parts.append("publishes " + ", ".join(
            f"{p.host_ip + ':' if p.host_ip else ''}{p.host_port or '(random)'}->{p.container_port}"
            for p in place.published))
    if place.volumes:
        parts.append("shares " + ", ".join(f"{directory} ({store})" for directory, store in place.volumes))
    return "; ".join(parts)


def _manager_label(manager: ProcessManager) -> str:
    user = f", user {manager.user.value}" if manager.user is not None else ""
    title = f"[program:{manager.name}]" if manager.kind == "supervisor" else manager.name
    # A container is a host of its own: its runtime's node says what it publishes and shares.
    place = f" ({_place_label(manager.place)})" if manager.place.kind != "host" else ""
    return f"{manager.kind} {title}{user}{place}"


def _socket_units(deployment: Deployment, graph: Graph, listener_nodes: dict[int, Node],
                  manager_nodes: dict[int, Node]) -> None:
    """The .socket units that run (an enabled template runs as its instances): each binds
    listeners and starts the server that adopts them; one that does neither is marked."""
    sockets: dict[str, Node] = {}
    for server in deployment.app_servers:
        for listener in server.listeners:
            if not listener.bound_by:
                continue
            if listener.bound_by not in sockets:
                sockets[listener.bound_by] = graph.add("socket", f"systemd {listener.bound_by}")
                graph.roots.append(sockets[listener.bound_by])
                if server.manager is not None and id(server.manager) in manager_nodes:
                    graph.edges.append(Edge(sockets[listener.bound_by].id, manager_nodes[id(server.manager)].id,
                                            "starts"))
            graph.edges.append(Edge(sockets[listener.bound_by].id, listener_nodes[id(listener)].id, "binds"))
    for unit in deployment.systemd_units:
        if unit.kind != "socket" or unit.name in sockets:
            continue
        template = unit.name.rpartition(".")[0].endswith("@")
        prefix = unit.name.rpartition("@")[0] + "@"
        if template and any(name.startswith(prefix) for name in sockets):
            continue
        why = ("a template with no enabled instance (no *.wants/ link)" if template
               else "starts no app server in the checked files")
        graph.roots.append(graph.add("socket", f"systemd {unit.name}", why))


def deployment_graph(deployment: Deployment) -> Graph:
    graph = Graph()
    listener_nodes: dict[int, Node] = {}
    server_nodes: dict[int, Node] = {}

    def server_node(server: AppServer) -> Node:
        label = (f"{_PROGRAMS.get(server.kind, server.kind)} {server.name} "
                 f"(user {_user(server)}, {server.place.label or server.place.name})")
        nobody = "" if server.manager is not None else "no manager in the checked files starts it"
        node = graph.add("server", label, nobody)
        server_nodes[id(server)] = node
        for listener in server.listeners:
            child = graph.add("listener", _listener_label(listener))
            listener_nodes[id(listener)] = child
            node.children.append(child)
            graph.edges.append(Edge(node.id, child.id, "listens"))
        return node

    manager_nodes: dict[int, Node] = {}
    for launch in deployment.launches:
        manager = graph.add("manager", _manager_label(launch.manager))
        manager_nodes[id(launch.manager)] = manager
        graph.roots.append(manager)
        started = launch.server or next((s for s in deployment.dev_servers if s.manager is launch.manager), None)
        if started is not None:
            child = server_node(started)
        else:
            child = graph.add("program", f"{launch.program or 'a program'} (not an app server wsgilint reads)")
        manager.children.append(child)
        graph.edges.append(Edge(manager.id, child.id, "starts"))
    # Development servers (runserver, flask run) are reached like app servers and drawn with them.
    for server in [*deployment.app_servers, *deployment.dev_servers]:
        if id(server) not in server_nodes:
            graph.roots.append(server_node(server))
    _socket_units(deployment, graph, listener_nodes, manager_nodes)

    for route in deployment.routes:
        for target in route.targets:
            node = graph.add("route", _route_label(route, target))
            graph.routes.append(node)
            reached = deployment.reached(route, target)
            for listener in reached:
                graph.edges.append(Edge(node.id, listener_nodes[id(listener)].id, "reaches"))
            if not reached:
                node.broken = "reaches no listener in the checked files"
                nothing = graph.add("nothing", f"nothing listens at {target.address}", node.broken)
                node.children.append(nothing)
                graph.edges.append(Edge(node.id, nothing.id, "reaches nothing", broken=True))
    return graph


# ------------------------------------------------------------------------- renderings


def _render_tree(deployment: Deployment, graph: Graph, out: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    by_id = {node.id: node for node in graph.nodes}
    reached_by: dict[str, list[Node]] = {}
    for edge in graph.edges:
        if edge.label == "reaches":
            reached_by.setdefault(edge.target, []).append(by_id[edge.source])

    def text(node: Node) -> Text:
        styles = {"manager": "bold", "socket": "bold", "server": "green", "listener": "cyan", "route": "",
                  "program": "dim", "nothing": "red"}
        label = Text(shown(node.label), style=styles.get(node.kind, ""))
        if node.broken:
            label = Text.assemble(("✗ ", "bold red"), label, (f"  ({node.broken})", "red"))
        return label

    def grow(branch: Tree, node: Node) -> None:
        for child in node.children:
            sub = branch.add(text(child))
            for route in reached_by.get(child.id, []):
                sub.add(Text.assemble(("← ", "dim"), text(route)))
            grow(sub, child)

    # A tree is not wrapped: on a terminal rich crops it to the width, elsewhere it is whole.
    console = Console(file=out, highlight=False, width=None if out.isatty() else 1000)
    root = Tree(Text(f"deployment ({len(deployment.managers)} managers, {len(deployment.app_servers)} app servers, "
                     f"{len(graph.routes)} nginx route targets)", style="bold"))
    for node in graph.roots:
        branch = root.add(text(node))
        grow(branch, node)
        if node.kind == "socket":
            for edge in graph.edges:
                if edge.source == node.id:
                    branch.add(Text.assemble(("→ ", "dim"), f"{edge.label} ", text(by_id[edge.target])))
    if graph.routes:
        routes = root.add(Text("nginx routes", style="bold"))
        for node in graph.routes:
            branch = routes.add(text(node))
            for edge in graph.edges:
                if edge.source == node.id and not edge.broken:
                    branch.add(Text.assemble(("→ ", "dim"), text(by_id[edge.target])))
            grow(branch, node)
    console.print(root)


def mermaid_label(text: str) -> str:
    """A Mermaid node or edge text: inside double quotes, with entity codes for what
    Mermaid would read as syntax, markdown or HTML."""
    escaped = shown(text).replace("#", "#35;").replace("&", "#38;")
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"), ("|", "#124;")):
        escaped = escaped.replace(char, code)
    return f'"{escaped}"'


def _render_mermaid(graph: Graph, out: TextIO) -> None:
    shapes = {"manager": ("[", "]"), "socket": ("[/", "/]"), "server": ("(", ")"), "program": ("[", "]"),
              "listener": ("([", "])"), "route": (">", "]"), "nothing": ("{{", "}}")}
    lines = ["flowchart LR"]
    for node in graph.nodes:
        left, right = shapes[node.kind]
        label = node.label + (f" ✗ {node.broken}" if node.broken else "")
        lines.append(f"    {node.id}{left}{mermaid_label(label)}{right}")
    for edge in graph.edges:
        arrow = "-.->" if edge.broken else "-->"
        lines.append(f"    {edge.source} {arrow}|{mermaid_label(edge.label)}| {edge.target}")
    broken = [node.id for node in graph.nodes if node.broken]
    if broken:
        lines.append("    classDef broken stroke:#c00,stroke-width:2px,color:#c00")
        lines.append(f"    class {','.join(broken)} broken")
    out.write("\n".join(lines) + "\n")


def dot_string(*lines: str) -> str:
    """A DOT quoted string of ``lines``: backslashes and quotes escaped, so no label can end
    the string or add an escape of its own; the lines are joined by DOT's ``\\n``."""
    return '"' + "\\n".join(shown(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def _render_dot(graph: Graph, out: TextIO) -> None:
    shapes = {"manager": "box", "socket": "parallelogram", "server": "ellipse", "program": "box",
              "listener": "cds", "route": "note", "nothing": "octagon"}
    lines = ["digraph wsgilint {", "    rankdir=LR;"]
    for node in graph.nodes:
        label = dot_string(node.label, f"✗ {node.broken}") if node.broken else dot_string(node.label)
        colour = ", color=red, fontcolor=red" if node.broken else ""
        lines.append(f"    {node.id} [shape={shapes[node.kind]}, label={label}{colour}];")
    for edge in graph.edges:
        style = ", style=dashed, color=red, fontcolor=red" if edge.broken else ""
        lines.append(f"    {edge.source} -> {edge.target} [label={dot_string(edge.label)}{style}];")
    lines.append("}")
    out.write("\n".join(lines) + "\n")


def render_graph(deployment: Deployment, output_format: str, out: TextIO) -> None:
    """Write the deployment graph in ``output_format`` (one of ``FORMATS``)."""
    graph = deployment_graph(deployment)
    if output_format == "tree":
        _render_tree(deployment, graph, out)
    elif output_format == "mermaid":
        _render_mermaid(graph, out)
    elif output_format == "dot":
        _render_dot(graph, out)
    else:
        raise ValueError(f"no graph format {output_format!r}")
