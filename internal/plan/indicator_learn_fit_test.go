package plan

import (
	"math"
	"math/rand"
)

// The learner of the learned second opinion: L2-regularised logistic
// regression over hashed features, fitted by stochastic gradient descent
// with AdaGrad steps in an order a fixed seed shuffles. It is test code:
// the trainer (-tags train) and its unit test use it; the program only
// reads the weights it writes.

// example is one quantity to learn from: its feature slots and whether it
// is a target.
type example struct {
	f []uint32
	y bool
}

// fitOptions are the learner's settings.
type fitOptions struct {
	lambda float64 // L2 weight per example (the penalty is lambda·n/2·|w|²)
	eta    float64 // AdaGrad's step
	epochs int
	seed   int64
	posW   float64 // the weight of a target's example (0: 1)
	seeds  int     // fits averaged, seeds seed, seed+1, … (0: 1)
	bits   int     // the table's size: 2^bits weights (0: learnBits)
}

var defaultFit = fitOptions{lambda: 1e-4, eta: 0.1, epochs: 10, seed: 16}

// fitLogistic fits weights (one per slot) to xs: the average of o.seeds
// fits in orders shuffled by successive seeds.
func fitLogistic(xs []example, o fitOptions) []float32 {
	if o.seeds <= 1 {
		return fitOnce(xs, o)
	}
	sum := make([]float64, 1<<o.width())
	for k := 0; k < o.seeds; k++ {
		oo := o
		oo.seed += int64(k)
		for i, x := range fitOnce(xs, oo) {
			sum[i] += float64(x)
		}
	}
	out := make([]float32, len(sum))
	for i, x := range sum {
		out[i] = float32(x / float64(o.seeds))
	}
	return out
}

// fitOnce is one fit, in the order o.seed shuffles.
func fitOnce(xs []example, o fitOptions) []float32 {
	posW := o.posW
	if posW <= 0 {
		posW = 1
	}
	mask := uint32(1)<<o.width() - 1
	w := make([]float64, mask+1)
	g2 := make([]float64, mask+1)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(o.seed))
	for e := 0; e < o.epochs; e++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			x := xs[i]
			z := 0.0
			for _, s := range x.f {
				z += w[s&mask]
			}
			d := sigmoid(z)
			if x.y {
				d = (d - 1) * posW
			}
			for _, s := range x.f {
				s &= mask
				g := d + o.lambda*w[s]
				g2[s] += g * g
				w[s] -= o.eta * g / math.Sqrt(g2[s]+1e-8)
			}
		}
	}
	out := make([]float32, len(w))
	for i, x := range w {
		out[i] = float32(x)
	}
	return out
}

// width is the table's bits.
func (o fitOptions) width() int {
	if o.bits <= 0 {
		return learnBits
	}
	return o.bits
}

// predict is the probability weights w (a power of two of them) give
// features f.
func predict(w []float32, f []uint32) float64 {
	mask := uint32(len(w) - 1)
	z := 0.0
	for _, s := range f {
		z += float64(w[s&mask])
	}
	return sigmoid(z)
}
