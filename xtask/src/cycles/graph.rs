//! Cycles of a directed graph over nodes `0..n`: its strongly connected components of more than
//! one node (Tarjan's algorithm), and one shortest loop through each.

use std::collections::VecDeque;

/// `edges[from]` lists the nodes `from` points to.
pub struct Graph {
    pub edges: Vec<Vec<usize>>,
}

impl Graph {
    /// Components of two or more nodes, each sorted, in order of their smallest node.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        let mut tarjan = Tarjan {
            graph: self,
            index: vec![None; self.edges.len()],
            low: vec![0; self.edges.len()],
            on_stack: vec![false; self.edges.len()],
            stack: Vec::new(),
            next: 0,
            components: Vec::new(),
        };
        for node in 0..self.edges.len() {
            if tarjan.index[node].is_none() {
                tarjan.visit(node);
            }
        }
        let mut cycles: Vec<Vec<usize>> = tarjan
            .components
            .into_iter()
            .filter(|component| component.len() > 1)
            .map(|mut component| {
                component.sort_unstable();
                component
            })
            .collect();
        cycles.sort();
        cycles
    }

    /// A shortest loop from `start` back to it through `component` only (breadth first):
    /// `[start, …, start]`.
    pub fn shortest_loop(&self, start: usize, component: &[usize]) -> Vec<usize> {
        let mut came_from = vec![None; self.edges.len()];
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for &next in &self.edges[node] {
                if !component.contains(&next) {
                    continue;
                }
                if next == start {
                    // Back from `node` along the search: its chain ends with `start`.
                    let mut path = vec![start, node];
                    let mut at = node;
                    while let Some(previous) = came_from[at] {
                        path.push(previous);
                        at = previous;
                    }
                    path.reverse();
                    return path;
                }
                if came_from[next].is_none() && next != start {
                    came_from[next] = Some(node);
                    queue.push_back(next);
                }
            }
        }
        vec![start]
    }
}

struct Tarjan<'a> {
    graph: &'a Graph,
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next: usize,
    components: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    // Recursive: module graphs are a few hundred files at most.
    fn visit(&mut self, node: usize) {
        self.index[node] = Some(self.next);
        self.low[node] = self.next;
        self.next += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
        for &next in &self.graph.edges[node] {
            match self.index[next] {
                None => {
                    self.visit(next);
                    self.low[node] = self.low[node].min(self.low[next]);
                }
                Some(index) if self.on_stack[next] => {
                    self.low[node] = self.low[node].min(index);
                }
                Some(_) => {}
            }
        }
        if Some(self.low[node]) == self.index[node] {
            let mut component = Vec::new();
            while let Some(member) = self.stack.pop() {
                self.on_stack[member] = false;
                component.push(member);
                if member == node {
                    break;
                }
            }
            self.components.push(component);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Graph;

    #[test]
    fn finds_every_cycle_and_no_chain() {
        // 0 → 1 → 2 → 0 and 3 ⇄ 4, with 5 → 0 and 2 → 3 leading in, and 6 alone.
        let graph = Graph {
            edges: vec![
                vec![1],
                vec![2],
                vec![0, 3],
                vec![4],
                vec![3],
                vec![0],
                vec![],
            ],
        };
        assert_eq!(graph.cycles(), [vec![0, 1, 2], vec![3, 4]]);
    }

    #[test]
    fn the_loop_shown_is_a_shortest_one() {
        // 0 → 1 → 2 → 3 → 0 and a shortcut 1 → 0.
        let graph = Graph {
            edges: vec![vec![1], vec![2, 0], vec![3], vec![0]],
        };
        assert_eq!(graph.shortest_loop(0, &[0, 1, 2, 3]), [0, 1, 0]);
        assert_eq!(graph.shortest_loop(2, &[0, 1, 2, 3]), [2, 3, 0, 1, 2]);
    }
}
